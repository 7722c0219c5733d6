-- The console's task timeline and its "why is it waiting?" answer: when the task was last assigned, and when and
-- from which host it last lost a lease (the reaper returned it to FREE). The host is kept by name, so the answer
-- survives the host's removal.
ALTER TABLE tasks ADD COLUMN assigned TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE tasks ADD COLUMN lease_lost TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE tasks ADD COLUMN lease_lost_host VARCHAR(255);

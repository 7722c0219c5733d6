-- Fencing tokens: every claim of a task starts a new lease epoch. The worker carries the epoch on every call that
-- publishes or ends the task, and the hub refuses an older epoch, so a worker that lost its lease (cut off, then
-- back) cannot close the task or move floating tags after another host took the task over.
ALTER TABLE tasks ADD COLUMN lease_epoch BIGINT DEFAULT 0 NOT NULL;

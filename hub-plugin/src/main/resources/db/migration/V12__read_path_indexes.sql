-- Indexes for the read paths the console and pollers use on a busy farm (10,000s of tasks and builds, 100,000s
-- of RPM rows): each list filter paired with the newest-first order, so a page is read from the index instead
-- of sorting every matching row.
CREATE INDEX tasks_state_id ON tasks (state, id);
CREATE INDEX tasks_owner_id ON tasks (owner_id, id);
CREATE INDEX tasks_host_id ON tasks (host_id, id);
-- tasks_owner stays: H2 may have bound the owner foreign key to it.
CREATE INDEX builds_state_id ON builds (state, id);
CREATE INDEX builds_owner_id ON builds (owner_id, id);
CREATE INDEX builds_name_id ON builds (name, id);
-- "Which images contain X (older than V-R)?" reads only these columns of the package's rows.
CREATE INDEX image_components_name_evr ON image_components (name, version, release, epoch, image_id);
DROP INDEX image_components_name;

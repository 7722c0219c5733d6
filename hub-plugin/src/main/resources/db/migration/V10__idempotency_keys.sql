-- buildContainer's Idempotency-Key: one row per (owner, key) naming the task the first request made, with the
-- SHA-256 of that request so a reuse of the key for another request is refused. The primary key makes two
-- concurrent repeats (even on two hub processes) commit one task: the second insert fails and is retried as a
-- lookup. Rows are kept as long as their task.
CREATE TABLE idempotency_keys (
    owner_id BIGINT NOT NULL REFERENCES users (id),
    idem_key VARCHAR(255) NOT NULL,
    request_sha256 VARCHAR(64) NOT NULL,
    task_id BIGINT NOT NULL REFERENCES tasks (id),
    created TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (owner_id, idem_key)
);
CREATE INDEX idempotency_keys_task ON idempotency_keys (task_id);

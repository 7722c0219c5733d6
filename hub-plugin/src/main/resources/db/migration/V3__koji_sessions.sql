-- Sessions of koji's XML-RPC API (login(user, token) -> session id and key). Only hashes of the key and of the
-- token the session was opened with are kept: revoking the token ends its sessions. callnum orders the calls.
CREATE TABLE koji_sessions (
    id BIGINT PRIMARY KEY,
    key_hash VARCHAR(64) NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id),
    callnum BIGINT,
    created TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX koji_sessions_expires ON koji_sessions (expires);

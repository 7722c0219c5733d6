-- Where each build was published: one row per promoted (destination, digest), recorded from the audit line that
-- `slipway promote` writes. Tags are JSON text like the other list-valued columns.
CREATE SEQUENCE publications_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE publications (
    id BIGINT PRIMARY KEY,
    build_id BIGINT NOT NULL REFERENCES builds (id),
    image_id BIGINT NOT NULL REFERENCES images (id),
    source VARCHAR(1024) NOT NULL,
    destination VARCHAR(1024) NOT NULL,
    digest VARCHAR(128) NOT NULL,
    tags VARCHAR(100000) NOT NULL,
    published_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    manifest_file VARCHAR(1024),
    approving_commit VARCHAR(128) NOT NULL,
    author VARCHAR(1024) NOT NULL,
    signature_status VARCHAR(32) NOT NULL,
    signer VARCHAR(1024),
    publishing_rules VARCHAR(4096) NOT NULL,
    recorded_by VARCHAR(255) NOT NULL,
    CONSTRAINT publications_destination_digest UNIQUE (destination, digest)
);
CREATE INDEX publications_digest ON publications (digest);
CREATE INDEX publications_build ON publications (build_id);

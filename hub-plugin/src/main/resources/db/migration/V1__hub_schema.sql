-- The hub's schema, written once for both H2 (2.x) and PostgreSQL (15+). Ids come from sequences so Hibernate can
-- batch inserts; every transition of a task is a conditional UPDATE on tasks.state.

CREATE SEQUENCE users_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE users (
    id BIGINT PRIMARY KEY,
    name VARCHAR(128) NOT NULL UNIQUE,
    created TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users (id),
    role VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE SEQUENCE user_groups_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE user_groups (
    id BIGINT PRIMARY KEY,
    name VARCHAR(128) NOT NULL UNIQUE
);
CREATE TABLE group_members (
    group_id BIGINT NOT NULL REFERENCES user_groups (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (group_id, user_id)
);

CREATE SEQUENCE channels_seq START WITH 101 INCREMENT BY 50;
CREATE TABLE channels (
    id BIGINT PRIMARY KEY,
    name VARCHAR(128) NOT NULL UNIQUE,
    description VARCHAR(1024)
);

CREATE SEQUENCE hosts_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE hosts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL UNIQUE,
    arches VARCHAR(1024) NOT NULL,
    capacity DOUBLE PRECISION NOT NULL,
    enabled BOOLEAN NOT NULL,
    ready BOOLEAN NOT NULL,
    description VARCHAR(1024),
    last_seen TIMESTAMP(6) WITH TIME ZONE
);
CREATE TABLE host_channels (
    host_id BIGINT NOT NULL REFERENCES hosts (id),
    channel_id BIGINT NOT NULL REFERENCES channels (id),
    PRIMARY KEY (host_id, channel_id)
);

CREATE SEQUENCE tokens_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE tokens (
    id BIGINT PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL UNIQUE,
    user_id BIGINT REFERENCES users (id),
    host_id BIGINT REFERENCES hosts (id),
    description VARCHAR(1024),
    created TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    revoked TIMESTAMP(6) WITH TIME ZONE,
    CHECK ((user_id IS NULL) <> (host_id IS NULL))
);

CREATE SEQUENCE tags_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE tags (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL UNIQUE,
    arches VARCHAR(1024) NOT NULL,
    locked BOOLEAN NOT NULL
);

CREATE SEQUENCE targets_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE targets (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL UNIQUE,
    build_tag_id BIGINT NOT NULL REFERENCES tags (id),
    dest_tag_id BIGINT NOT NULL REFERENCES tags (id)
);

CREATE SEQUENCE tag_packages_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE tag_packages (
    id BIGINT PRIMARY KEY,
    tag_id BIGINT NOT NULL REFERENCES tags (id),
    package_name VARCHAR(255) NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users (id),
    blocked BOOLEAN NOT NULL,
    UNIQUE (tag_id, package_name)
);
CREATE TABLE tag_package_groups (
    tag_package_id BIGINT NOT NULL REFERENCES tag_packages (id),
    group_id BIGINT NOT NULL REFERENCES user_groups (id),
    PRIMARY KEY (tag_package_id, group_id)
);

CREATE SEQUENCE tasks_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE tasks (
    id BIGINT PRIMARY KEY,
    method VARCHAR(64) NOT NULL,
    state VARCHAR(16) NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users (id),
    channel_id BIGINT NOT NULL REFERENCES channels (id),
    host_id BIGINT REFERENCES hosts (id),
    arch VARCHAR(64) NOT NULL,
    priority INTEGER NOT NULL,
    weight DOUBLE PRECISION NOT NULL,
    target_id BIGINT REFERENCES targets (id),
    component VARCHAR(255),
    request VARCHAR(1000000) NOT NULL,
    result VARCHAR(1000000),
    fault VARCHAR(100000),
    created TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started TIMESTAMP(6) WITH TIME ZONE,
    completed TIMESTAMP(6) WITH TIME ZONE,
    lease_expires TIMESTAMP(6) WITH TIME ZONE,
    resubmitted_from BIGINT
);
CREATE INDEX tasks_runnable ON tasks (state, priority, created);
CREATE INDEX tasks_host ON tasks (host_id, state);
CREATE INDEX tasks_owner ON tasks (owner_id);

CREATE TABLE task_log (
    task_id BIGINT NOT NULL REFERENCES tasks (id),
    line_no BIGINT NOT NULL,
    line VARCHAR(100000) NOT NULL,
    PRIMARY KEY (task_id, line_no)
);

CREATE SEQUENCE builds_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE builds (
    id BIGINT PRIMARY KEY,
    name VARCHAR(255) NOT NULL,
    version VARCHAR(255) NOT NULL,
    release VARCHAR(255) NOT NULL,
    state VARCHAR(16) NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users (id),
    task_id BIGINT REFERENCES tasks (id),
    target_id BIGINT REFERENCES targets (id),
    source VARCHAR(2048),
    mirror VARCHAR(4096),
    extra VARCHAR(1000000),
    started TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    completed TIMESTAMP(6) WITH TIME ZONE,
    UNIQUE (name, version, release)
);
CREATE INDEX builds_state ON builds (state);
CREATE INDEX builds_task ON builds (task_id);

CREATE TABLE build_tags (
    build_id BIGINT NOT NULL REFERENCES builds (id),
    tag_id BIGINT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (build_id, tag_id)
);
CREATE TABLE build_parents (
    build_id BIGINT NOT NULL REFERENCES builds (id),
    parent_build_id BIGINT NOT NULL REFERENCES builds (id),
    PRIMARY KEY (build_id, parent_build_id)
);

CREATE SEQUENCE images_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE images (
    id BIGINT PRIMARY KEY,
    build_id BIGINT NOT NULL REFERENCES builds (id),
    arch VARCHAR(64) NOT NULL,
    digest VARCHAR(128) NOT NULL,
    media_type VARCHAR(255),
    image_id VARCHAR(128),
    parent_id VARCHAR(128),
    pull_specs VARCHAR(100000) NOT NULL,
    registry_tags VARCHAR(100000) NOT NULL,
    labels VARCHAR(1000000) NOT NULL,
    layer_sizes VARCHAR(1000000) NOT NULL
);
CREATE INDEX images_digest ON images (digest);
CREATE INDEX images_build ON images (build_id);

CREATE SEQUENCE image_components_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE image_components (
    id BIGINT PRIMARY KEY,
    image_id BIGINT NOT NULL REFERENCES images (id),
    type VARCHAR(16) NOT NULL,
    name VARCHAR(255) NOT NULL,
    epoch INTEGER,
    version VARCHAR(255) NOT NULL,
    release VARCHAR(255),
    arch VARCHAR(64),
    sigmd5 VARCHAR(64),
    signature VARCHAR(64),
    size BIGINT,
    buildtime BIGINT,
    license VARCHAR(1024),
    vendor VARCHAR(1024),
    sourcerpm VARCHAR(1024),
    module VARCHAR(1024)
);
CREATE INDEX image_components_name ON image_components (name);
CREATE INDEX image_components_image ON image_components (image_id);

CREATE SEQUENCE archives_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE archives (
    id BIGINT PRIMARY KEY,
    build_id BIGINT NOT NULL REFERENCES builds (id),
    filename VARCHAR(1024) NOT NULL,
    relpath VARCHAR(4096),
    type VARCHAR(64) NOT NULL,
    arch VARCHAR(64),
    size BIGINT,
    checksum VARCHAR(128),
    checksum_type VARCHAR(16)
);
CREATE INDEX archives_build ON archives (build_id);

-- Koji's container channel and its default channel exist from the start.
INSERT INTO channels (id, name, description) VALUES (1, 'default', 'Koji''s default channel');
INSERT INTO channels (id, name, description) VALUES (2, 'container', 'Container image builds (buildContainer)');

-- Topics, review states with their reasons, maintainer overrides and the event log.
-- Runs unchanged on H2 2.4 and PostgreSQL 15.

ALTER TABLE series ADD COLUMN state VARCHAR(24) DEFAULT 'new' NOT NULL;
ALTER TABLE series ADD COLUMN state_reason VARCHAR(2000);
ALTER TABLE series ADD COLUMN state_message_pk BIGINT;
ALTER TABLE series ADD COLUMN state_person_id BIGINT;
ALTER TABLE series ADD COLUMN state_overridden BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE series ADD COLUMN topics VARCHAR(500) DEFAULT '' NOT NULL;   -- comma-separated, for display
CREATE INDEX ix_series_state ON series (state);

ALTER TABLE revision ADD COLUMN state VARCHAR(24) DEFAULT 'new' NOT NULL;
ALTER TABLE revision ADD COLUMN state_reason VARCHAR(2000);
ALTER TABLE revision ADD COLUMN state_message_pk BIGINT;
ALTER TABLE revision ADD COLUMN state_person_id BIGINT;

ALTER TABLE patch ADD COLUMN state VARCHAR(24) DEFAULT 'new' NOT NULL;
ALTER TABLE patch ADD COLUMN state_reason VARCHAR(2000);
ALTER TABLE patch ADD COLUMN state_message_pk BIGINT;
ALTER TABLE patch ADD COLUMN state_person_id BIGINT;
ALTER TABLE patch ADD COLUMN state_overridden BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_patch_state ON patch (state);

-- Topics with the rule that produced them. A series carries the union of its revisions' topics.
CREATE TABLE series_topic (
    series_id  BIGINT NOT NULL REFERENCES series (id),
    topic      VARCHAR(64) NOT NULL,
    reason     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (series_id, topic)
);
CREATE INDEX ix_series_topic_topic ON series_topic (topic);

CREATE TABLE revision_topic (
    revision_id  BIGINT NOT NULL REFERENCES revision (id),
    topic        VARCHAR(64) NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    PRIMARY KEY (revision_id, topic)
);

-- A maintainer's override of a derived state; it beats derivation until cleared.
CREATE SEQUENCE state_override_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE state_override (
    id          BIGINT PRIMARY KEY,
    target      VARCHAR(16) NOT NULL,      -- 'series' or 'patch'
    target_id   BIGINT NOT NULL,
    state       VARCHAR(24) NOT NULL,
    set_by      VARCHAR(200) NOT NULL,
    note        VARCHAR(2000),
    set_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_by  VARCHAR(200),
    cleared_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_state_override_target ON state_override (target, target_id);

-- Append-only record of changes: what /api/events and the feeds are made of.
CREATE SEQUENCE event_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE event (
    id           BIGINT PRIMARY KEY,
    kind         VARCHAR(32) NOT NULL,     -- series-created, revision-posted, trailer-added, state-changed, override-set, override-cleared
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    series_id    BIGINT,
    revision_id  BIGINT,
    patch_id     BIGINT,
    message_id   VARCHAR(1000),
    summary      VARCHAR(2000) NOT NULL
);
CREATE INDEX ix_event_series ON event (series_id);

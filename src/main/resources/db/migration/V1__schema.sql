-- patchtrack schema. Runs unchanged on H2 2.4 and PostgreSQL 15: keep to their common subset.
-- Ids come from sequences (allocation 50) so that Hibernate can batch inserts.

CREATE SEQUENCE mailing_list_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE mailing_list (
    id          BIGINT PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_mailing_list_name UNIQUE (name)
);

CREATE SEQUENCE person_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE person (
    id     BIGINT PRIMARY KEY,
    email  VARCHAR(512) NOT NULL,  -- case-folded: the identity key
    name   VARCHAR(512),
    CONSTRAINT uk_person_email UNIQUE (email)
);

-- One row per message, whatever the number of lists it was posted to. The raw bytes are kept
-- forever, deflate-compressed, so that history can be re-derived and exported.
CREATE SEQUENCE message_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE message (
    id              BIGINT PRIMARY KEY,
    message_id      VARCHAR(1000) NOT NULL,
    synthetic_id    BOOLEAN NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    subject         VARCHAR(2000) NOT NULL,
    from_person_id  BIGINT REFERENCES person (id),
    sent_at         TIMESTAMP WITH TIME ZONE,
    in_reply_to     VARCHAR(1000),
    raw_sha256      VARCHAR(64) NOT NULL,
    raw_size        INTEGER NOT NULL,
    raw             BYTEA NOT NULL,
    facts           TEXT,           -- the analysed MailFacts as JSON; null when unreadable
    problems        TEXT,           -- one problem per line; null when none
    readable        BOOLEAN NOT NULL,
    deleted         BOOLEAN NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_message_message_id UNIQUE (message_id)
);
CREATE INDEX ix_message_sent_at ON message (sent_at);
CREATE INDEX ix_message_in_reply_to ON message (in_reply_to);

CREATE TABLE message_list (
    message_pk  BIGINT NOT NULL REFERENCES message (id),
    list_id     BIGINT NOT NULL REFERENCES mailing_list (id),
    PRIMARY KEY (message_pk, list_id)
);
CREATE INDEX ix_message_list_list ON message_list (list_id);

-- All revisions of one piece of work.
CREATE SEQUENCE series_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE series (
    id               BIGINT PRIMARY KEY,
    series_key       VARCHAR(1000) NOT NULL,  -- the head message of its first revision
    title            VARCHAR(2000) NOT NULL,
    author_id        BIGINT REFERENCES person (id),
    first_posted_at  TIMESTAMP WITH TIME ZONE,
    last_posted_at   TIMESTAMP WITH TIME ZONE,
    latest_version   INTEGER NOT NULL,
    revision_count   INTEGER NOT NULL,
    list_names       VARCHAR(2000) NOT NULL,  -- comma-separated, for display
    CONSTRAINT uk_series_key UNIQUE (series_key)
);
CREATE INDEX ix_series_last_posted ON series (last_posted_at);

CREATE TABLE series_list (
    series_id  BIGINT NOT NULL REFERENCES series (id),
    list_id    BIGINT NOT NULL REFERENCES mailing_list (id),
    PRIMARY KEY (series_id, list_id)
);
CREATE INDEX ix_series_list_list ON series_list (list_id);

-- One posting of a patch set at one version.
CREATE SEQUENCE revision_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE revision (
    id                BIGINT PRIMARY KEY,
    series_id         BIGINT NOT NULL REFERENCES series (id),
    revision_key      VARCHAR(1000) NOT NULL,  -- cover letter, else lowest-numbered patch
    position          INTEGER NOT NULL,        -- 0-based order within the series
    version           INTEGER NOT NULL,
    version_minor     INTEGER NOT NULL,
    total             INTEGER NOT NULL,
    rfc               BOOLEAN NOT NULL,
    title             VARCHAR(2000) NOT NULL,
    author_id         BIGINT REFERENCES person (id),
    posted_at         TIMESTAMP WITH TIME ZONE,
    cover_message_pk  BIGINT REFERENCES message (id),
    link_reason       VARCHAR(32),             -- how it was linked to the revision before it
    patch_count       INTEGER NOT NULL,
    complete          BOOLEAN NOT NULL,
    extra_patches     BOOLEAN NOT NULL,
    change_id         VARCHAR(200),
    CONSTRAINT uk_revision_key UNIQUE (revision_key)
);
CREATE INDEX ix_revision_series ON revision (series_id);

CREATE SEQUENCE patch_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE patch (
    id             BIGINT PRIMARY KEY,
    revision_id    BIGINT NOT NULL REFERENCES revision (id),
    message_pk     BIGINT NOT NULL REFERENCES message (id),
    number         INTEGER NOT NULL,
    subject        VARCHAR(2000) NOT NULL,
    author_id      BIGINT REFERENCES person (id),
    posted_at      TIMESTAMP WITH TIME ZONE,
    files_changed  INTEGER NOT NULL,
    insertions     INTEGER NOT NULL,
    deletions      INTEGER NOT NULL,
    CONSTRAINT uk_patch_message UNIQUE (message_pk)
);
CREATE INDEX ix_patch_revision ON patch (revision_id);

CREATE SEQUENCE trailer_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE trailer (
    id                 BIGINT PRIMARY KEY,
    patch_id           BIGINT NOT NULL REFERENCES patch (id),
    name               VARCHAR(100) NOT NULL,
    trailer_value      VARCHAR(2000) NOT NULL,
    person_id          BIGINT REFERENCES person (id),
    source_message_pk  BIGINT NOT NULL REFERENCES message (id)
);
CREATE INDEX ix_trailer_patch ON trailer (patch_id);

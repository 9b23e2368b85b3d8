-- Sources: where each list is followed from (lore git, atom or query), its cursors and its runs.
-- Runs unchanged on H2 2.4 and PostgreSQL 15.

CREATE SEQUENCE source_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE source (
    id                  BIGINT PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,   -- the list the mail is filed under
    base_url            VARCHAR(1000) NOT NULL,
    inbox               VARCHAR(200) NOT NULL,   -- lore's name (linux-kernel is lkml)
    mode                VARCHAR(16) NOT NULL,    -- git | atom | query
    query               VARCHAR(2000),
    schedule_seconds    BIGINT NOT NULL,
    stale_after_seconds BIGINT NOT NULL,
    enabled             BOOLEAN NOT NULL,
    origin              VARCHAR(16) NOT NULL,    -- config | api
    needs_rebuild       BOOLEAN NOT NULL,        -- mail stored whose series are not rebuilt yet
    last_started_at     TIMESTAMP WITH TIME ZONE,
    last_finished_at    TIMESTAMP WITH TIME ZONE,
    last_success_at     TIMESTAMP WITH TIME ZONE,
    last_error          VARCHAR(2000),
    last_error_at       TIMESTAMP WITH TIME ZONE,
    last_instance       VARCHAR(200),
    runs                BIGINT NOT NULL,
    failures            BIGINT NOT NULL,
    messages_read       BIGINT NOT NULL,
    messages_stored     BIGINT NOT NULL,
    messages_deleted    BIGINT NOT NULL,
    newest_mail_at      TIMESTAMP WITH TIME ZONE, -- Date of the newest message seen: the lag is now minus this
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_source_name UNIQUE (name)
);

-- Where a source has got to: per git epoch the last commit walked ("epoch/0"), the atom entries
-- seen, the date a query has covered. Written in the transaction of the batch it belongs to.
CREATE TABLE source_cursor (
    source_id     BIGINT NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    cursor_key    VARCHAR(200) NOT NULL,
    cursor_value  TEXT NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_id, cursor_key)
);

-- One row per sync run: which instance ran it, when, and what it did.
CREATE SEQUENCE sync_run_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE sync_run (
    id           BIGINT PRIMARY KEY,
    source_name  VARCHAR(200) NOT NULL,
    instance     VARCHAR(200) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    messages_read    INTEGER NOT NULL,
    messages_stored  INTEGER NOT NULL,
    error        VARCHAR(2000)
);
CREATE INDEX ix_sync_run_source ON sync_run (source_name, started_at);

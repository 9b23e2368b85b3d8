-- Incremental series derivation and the indexes of the hot API queries.
-- Runs unchanged on H2 2.4 and PostgreSQL 15.

-- The keys by which the series builder can relate messages (core LinkKeys, hashed): new mail
-- re-derives only the series of the messages it shares keys with, directly or through others.
-- No foreign key: rows go with bulk inserts and a full rebuild rewrites them all.
CREATE TABLE message_link (
    key_hash    BIGINT NOT NULL,
    message_pk  BIGINT NOT NULL,
    PRIMARY KEY (key_hash, message_pk)
);
CREATE INDEX ix_message_link_message ON message_link (message_pk);

-- The version of the key scheme the stored keys follow. A database that already holds mail gets
-- 0: its keys are missing, and the first derivation rebuilds them with every series (full pass).
CREATE TABLE series_derivation (
    id                INTEGER PRIMARY KEY,
    link_key_version  INTEGER NOT NULL
);
INSERT INTO series_derivation (id, link_key_version)
    SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM message) THEN 0 ELSE 2 END;  -- LinkKeys.VERSION

-- Indexes of the hot reads (plans in docs/performance.md):
-- a message's series through its cover letter (message detail, derivation's scope)
CREATE INDEX ix_revision_cover ON revision (cover_message_pk);
-- series and patch lists filtered by topic: the filter read from the index alone
CREATE INDEX ix_series_topic_topic_series ON series_topic (topic, series_id);
CREATE INDEX ix_revision_topic_topic ON revision_topic (topic, revision_id);
-- the patch list, newest first
CREATE INDEX ix_patch_posted ON patch (posted_at);

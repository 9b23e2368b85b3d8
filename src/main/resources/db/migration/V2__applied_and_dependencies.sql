-- Issue 3: what a revision depends on, and the "applied" notices given in its threads.
-- Runs unchanged on H2 2.4 and PostgreSQL 15.

-- Keys of the revisions its Depends-on: lines name, one per line; null when none.
ALTER TABLE revision ADD COLUMN depends_on VARCHAR(4000);

-- One row per "applied" notice (b4 thank-you, patchwork-bot, a plain "Applied to ..., thanks!").
CREATE SEQUENCE applied_notice_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE applied_notice (
    id                 BIGINT PRIMARY KEY,
    revision_id        BIGINT NOT NULL REFERENCES revision (id),
    patch_number       INTEGER NOT NULL,        -- 0: the whole revision (reply to its cover or only patch)
    source_message_pk  BIGINT NOT NULL REFERENCES message (id),
    person_id          BIGINT REFERENCES person (id),  -- who applied it
    tree               VARCHAR(1000),
    branch             VARCHAR(200),
    commits            TEXT                     -- one "number<TAB>commit<TAB>title" per line; null when none
);
CREATE INDEX ix_applied_notice_revision ON applied_notice (revision_id);

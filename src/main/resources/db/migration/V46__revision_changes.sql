-- What changed from the revision before, per revision: range-diff's counts, the patches changed, added
-- and dropped, and the author's changelog. Derived data, recomputed when either revision's patches
-- change (patches_key). Runs unchanged on H2 2.4 and PostgreSQL 15.
CREATE TABLE revision_changes (
    revision_id       BIGINT PRIMARY KEY REFERENCES revision (id) ON DELETE CASCADE,
    from_revision_id  BIGINT NOT NULL,
    from_version      INTEGER NOT NULL,
    patches_key       VARCHAR(64) NOT NULL,    -- SHA-256 of both revisions' patch and cover messages
    unchanged         INTEGER NOT NULL,
    pairs             TEXT NOT NULL,           -- per patch not unchanged: its marker (! > <), a tab, its subject
    changelog         TEXT,                    -- as the author wrote it; NULL when none
    computed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

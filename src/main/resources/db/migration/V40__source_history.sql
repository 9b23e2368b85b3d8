-- How much of a list's past a source's first sync reads: 'full', a window ('90d') or a date
-- ('2024-01-01'); NULL takes patchtrack.sync.history. Runs unchanged on H2 2.4 and PostgreSQL 15.
ALTER TABLE source ADD COLUMN history VARCHAR(40);

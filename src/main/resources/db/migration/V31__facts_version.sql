-- The version of the analysis rules the stored facts follow (PatchAnalyzer.RULES_VERSION): a store
-- with mail analysed by older rules (1) is analysed again from the raw mail on its next full pass; a new
-- store claims the current rules with the first facts it is given.
ALTER TABLE series_derivation ADD COLUMN facts_version INTEGER DEFAULT 1 NOT NULL;

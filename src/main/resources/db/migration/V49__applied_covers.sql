-- The patches an "applied" notice covers, as the derivation's one rule says (core.derive.AppliedCoverage):
-- their numbers, comma-separated, ascending; '' when none. NULL on notices derived before the rule was
-- kept: the re-analysis that comes with it (facts rules v3) derives every series again. Runs unchanged
-- on H2 2.4 and PostgreSQL 15.
ALTER TABLE applied_notice ADD COLUMN covers VARCHAR;

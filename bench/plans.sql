-- The hot reads, as the API and the derivation issue them, with their plans:
--   PGPASSWORD=patchtrack psql -h 127.0.0.1 -U patchtrack -d DATABASE -f bench/plans.sql
SELECT s.id AS sid FROM series s WHERE EXISTS (SELECT 1 FROM series_topic t WHERE t.series_id = s.id AND t.topic = 'rust-core')
ORDER BY s.revision_count DESC, s.id LIMIT 1 \gset
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT s.* FROM series s WHERE s.id IN (SELECT st.series_id FROM series_topic st WHERE st.topic IN ('rust-core'))
ORDER BY s.last_posted_at DESC NULLS LAST, s.id DESC LIMIT 50;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT count(s.id) FROM series s WHERE s.id IN (SELECT st.series_id FROM series_topic st WHERE st.topic IN ('rust-core'));
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT p.* FROM patch p WHERE p.revision_id IN (SELECT r.id FROM revision r WHERE r.series_id = :sid);
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT t.* FROM trailer t WHERE t.patch_id IN (SELECT p.id FROM patch p JOIN revision r ON r.id = p.revision_id WHERE r.series_id = :sid);
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT r.* FROM revision r WHERE r.cover_message_pk = (SELECT cover_message_pk FROM revision WHERE cover_message_pk IS NOT NULL LIMIT 1);
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON)
SELECT DISTINCT message_pk FROM message_link WHERE key_hash IN (SELECT key_hash FROM message_link WHERE message_pk = (SELECT max(id) FROM message));

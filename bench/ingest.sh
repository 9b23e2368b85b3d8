#!/usr/bin/env bash
# Ingest: mail imported end to end (parse, thread, link, classify, store, derive the series) into a
# fresh PostgreSQL database by the jar's import command, heap capped at 512 MB: messages/s, MB/s,
# seconds to derive and peak RSS; with BENCH_PI=1 also public-inbox's import of the same mail.
#   bench/ingest.sh            200,000 messages (gen-mbox.py 9800 1), then leaves the database loaded
#   bench/ingest.sh --smoke    about 3,000 messages (gen-mbox.py 150 1): the CI check that it still runs
#   BENCH_REAL=1 bench/ingest.sh             the shared real mail (5,337 messages, two lists)
#   BENCH_ARCHIVE=FILE.mbox bench/ingest.sh  a whole archive (shared/tools/archive-to-mbox.py)
source "$(dirname "$0")/lib.sh"
series=9800
if [ "${1:-}" = "--smoke" ]; then series=150; fi
ensure_pg
ensure_jar
bench_inputs "$series" 1
machine
fresh_db
mb=$(mail_mb "${BENCH_FILES[@]}")
echo "== ingest: ${BENCH_FILES[*]} ($mb MB of mail) into $BENCH_DB"
out=$(mktemp)
err=$(mktemp)
timed "${PATCHTRACK[@]}" import "${BENCH_LIST[@]}" "${BENCH_FILES[@]}" > "$out" 2>"$err"
show_import "$out"
if [ "$TIMED_RC" != 0 ]; then
  tr '\r' '\n' < "$err" | tail -n 20 >&2
  echo "the import failed (exit $TIMED_RC) after ${TIMED_WALL} s, peak RSS ${TIMED_RSS_MB} MB" >&2
  exit 1
fi
rm -f "$err"
import_totals "$out"
stored=$(psql_bench -c "SELECT count(*) FROM message")
series_count=$(psql_bench -c "SELECT count(*) FROM series")
rm -f "$out"
[ "$stored" -gt 0 ] || { echo "nothing stored" >&2; exit 1; }
[ "$series_count" -gt 0 ] || { echo "no series derived" >&2; exit 1; }
rate=$(awk -v n="$IMPORT_READ" -v s="$TIMED_WALL" 'BEGIN {printf "%.0f", n / s}')
echo "== result"
echo "messages:    $IMPORT_READ read, $stored stored, $series_count series"
echo "wall:        ${TIMED_WALL} s (whole process, start-up included; the import itself: see above, store + derived)"
awk -v n="$IMPORT_READ" -v mb="$mb" -v s="$TIMED_WALL" -v t="$IMPORT_STORE_S" -v d="$IMPORT_DERIVE_S" 'BEGIN {
  printf "throughput:  %.0f messages/s, %.1f MB/s (end to end)\n", n / s, mb / s
  printf "phases:      store %.1f s (%.0f messages/s), derive %.1f s\n", t, (t > 0 ? n / t : 0), d}'
echo "peak RSS:    ${TIMED_RSS_MB} MB (heap capped with -Xmx512m)"
if [ "${BENCH_PI:-0}" = 1 ]; then
  pi_compare "$rate" "${BENCH_FILES[@]}"
fi

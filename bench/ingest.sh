#!/usr/bin/env bash
# Ingest: a gen-mbox corpus imported end to end (parse, thread, link, classify, store) into a fresh
# PostgreSQL database by the jar's import command, heap capped at 512 MB: messages/s and peak RSS.
#   bench/ingest.sh            200,000 messages (gen-mbox.py 9800 1), then leaves the database loaded
#   bench/ingest.sh --smoke    about 3,000 messages (gen-mbox.py 150 1): the CI check that it still runs
source "$(dirname "$0")/lib.sh"
series=9800
if [ "${1:-}" = "--smoke" ]; then series=150; fi
ensure_pg
ensure_jar
mbox=$(corpus "$series" 1)
machine
fresh_db
echo "== ingest: $mbox ($(du -m "$mbox" | cut -f1) MB) into $BENCH_DB"
out=$(mktemp)
err=$(mktemp)
timed "${PATCHTRACK[@]}" import --list rust-for-linux "$mbox" > "$out" 2>"$err"
cat "$out"
if [ "$TIMED_RC" != 0 ]; then
  tr '\r' '\n' < "$err" | tail -n 20 >&2
  echo "the import failed (exit $TIMED_RC) after ${TIMED_WALL} s, peak RSS ${TIMED_RSS_MB} MB" >&2
  exit 1
fi
rm -f "$err"
read_count=$(grep -oE '[0-9,]+ read' "$out" | head -n 1 | tr -d ', read')
stored=$(psql_bench -c "SELECT count(*) FROM message")
series_count=$(psql_bench -c "SELECT count(*) FROM series")
rm -f "$out"
[ "$stored" -gt 0 ] || { echo "nothing stored" >&2; exit 1; }
[ "$series_count" -gt 0 ] || { echo "no series derived" >&2; exit 1; }
echo "== result"
echo "messages:    $read_count read, $stored stored, $series_count series"
echo "wall:        ${TIMED_WALL} s (whole process, start-up included; the import itself: see above, store + derived)"
awk -v n="$read_count" -v s="$TIMED_WALL" 'BEGIN {printf "throughput:  %.0f messages/s\n", n / s}'
echo "peak RSS:    ${TIMED_RSS_MB} MB (heap capped with -Xmx512m)"

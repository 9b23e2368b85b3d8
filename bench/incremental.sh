#!/usr/bin/env bash
# Incremental: about 1,000 new messages (gen-mbox.py 47 SEED) imported into the database that
# bench/ingest.sh loaded (200,000 messages): the seconds the import takes (store and series
# derivation), and the whole process' wall time with start-up.
#   bench/incremental.sh [SEED]        SEED 2 by default; each seed can be imported once per load
#   bench/incremental.sh --smoke       about 100 messages (gen-mbox.py 5 2) into the smoke database
source "$(dirname "$0")/lib.sh"
series=47
seed=2
if [ "${1:-}" = "--smoke" ]; then series=5; elif [ -n "${1:-}" ]; then seed=$1; fi
ensure_pg
ensure_jar
before=$(psql_bench -c "SELECT count(*) FROM message" 2>/dev/null || echo 0)
if [ "${before:-0}" = "0" ]; then
  echo "the database $BENCH_DB is empty: run bench/ingest.sh first" >&2
  exit 1
fi
mbox=$(corpus "$series" "$seed")
machine
echo "== incremental: $mbox into $BENCH_DB ($before messages stored)"
out=$(mktemp)
timed "${PATCHTRACK[@]}" import --list rust-for-linux "$mbox" > "$out" 2>/dev/null
cat "$out"
[ "$TIMED_RC" = 0 ] || { echo "the import failed (exit $TIMED_RC)" >&2; exit 1; }
stored=$(grep -oE '[0-9,]+ stored' "$out" | head -n 1 | tr -d ', stored')
import_s=$(grep -oE 'problems \([0-9.]+ s\)' "$out" | head -n 1 | grep -oE '[0-9.]+')
series_s=$(grep -oE 'derived in [0-9.]+ s' "$out" | head -n 1 | grep -oE '[0-9.]+' || echo 0)
rm -f "$out"
if [ "${stored:-0}" = "0" ]; then
  echo "nothing new was stored (seed $seed was imported before): pass another seed" >&2
  exit 1
fi
echo "== result"
echo "new messages: $stored"
awk -v a="$import_s" -v b="${series_s:-0}" 'BEGIN {printf "sync:         %.2f s (store %.2f s + series %.2f s)\n", a + b, a, b}'
echo "wall:         ${TIMED_WALL} s (whole process, start-up included)"
echo "peak RSS:     ${TIMED_RSS_MB} MB"

#!/usr/bin/env bash
# Incremental: about 1,000 new messages imported into a loaded database: the seconds the import takes
# (store and series derivation), and the whole process' wall time with start-up.
#   bench/incremental.sh [SEED]        gen-mbox.py 47 SEED (SEED 2 by default; each seed can be imported
#                                      once per load) into the database bench/ingest.sh loaded
#   bench/incremental.sh --smoke       about 100 messages (gen-mbox.py 5 2) into the smoke database
#   BENCH_REAL=1 / BENCH_ARCHIVE=FILE  real mail (see bench/lib.sh): a fresh database loaded with all
#                                      but its last 1,000 messages, then those 1,000 as the increment
source "$(dirname "$0")/lib.sh"
series=47
seed=2
increment=1000
if [ "${1:-}" = "--smoke" ]; then series=5; elif [ -n "${1:-}" ]; then seed=$1; fi
ensure_pg
ensure_jar
out=$(mktemp)
if real_mode; then
  bench_inputs
  machine
  fresh_db
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp" "$out"' EXIT
  mbox=$tmp/last-$increment.mbox
  python3 bench/mbox-split.py tail "$increment" "${BENCH_FILES[@]}" > "$mbox"
  echo "== base: ${BENCH_FILES[*]} but the last $increment messages, into $BENCH_DB"
  python3 bench/mbox-split.py head "$increment" "${BENCH_FILES[@]}" \
    | "${PATCHTRACK[@]}" import - > "$out" 2>/dev/null || { cat "$out"; echo "loading the base failed" >&2; exit 1; }
  show_import "$out"
  before=$(psql_bench -c "SELECT count(*) FROM message")
else
  trap 'rm -f "$out"' EXIT
  before=$(psql_bench -c "SELECT count(*) FROM message" 2>/dev/null || echo 0)
  if [ "${before:-0}" = "0" ]; then
    echo "the database $BENCH_DB is empty: run bench/ingest.sh first" >&2
    exit 1
  fi
  bench_inputs "$series" "$seed"
  mbox=${BENCH_FILES[0]}
  machine
fi
echo "== incremental: $mbox into $BENCH_DB ($before messages stored)"
timed "${PATCHTRACK[@]}" import "${BENCH_LIST[@]}" "$mbox" > "$out" 2>/dev/null
show_import "$out"
[ "$TIMED_RC" = 0 ] || { echo "the import failed (exit $TIMED_RC)" >&2; exit 1; }
import_totals "$out"
if [ "$IMPORT_STORED" = "0" ]; then
  echo "nothing new was stored (seed $seed was imported before): pass another seed" >&2
  exit 1
fi
echo "== result"
echo "new messages: $IMPORT_STORED"
awk -v a="$IMPORT_STORE_S" -v b="$IMPORT_DERIVE_S" 'BEGIN {printf "sync:         %.2f s (store %.2f s + series %.2f s)\n", a + b, a, b}'
echo "wall:         ${TIMED_WALL} s (whole process, start-up included)"
echo "peak RSS:     ${TIMED_RSS_MB} MB"

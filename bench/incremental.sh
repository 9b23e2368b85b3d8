#!/usr/bin/env bash
# Incremental: about 1,000 new messages imported into a loaded database: the seconds the import takes
# (store and series derivation), and the whole process' wall time with start-up.
#   bench/incremental.sh [SEED]        gen-mbox.py 47 SEED (SEED 2 by default; each seed can be imported
#                                      once per load) into the database bench/ingest.sh loaded
#   bench/incremental.sh --smoke       about 100 messages (gen-mbox.py 5 2) into the smoke database
#   BENCH_REAL=1 / BENCH_ARCHIVE=FILE  real mail (see bench/lib.sh): a fresh database loaded with all
#                                      but its last 1,000 messages, then those 1,000 as the increment
#   BENCH_SERVER=1                     the increment goes to a running service (PUT /api/import), as a
#                                      sync's mail does, after a warm-up (the 1,000 messages before
#                                      the increment sent again, 1,000 older ones derived again): the
#                                      time of the request, with the JIT compilers warm
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
if [ "${BENCH_SERVER:-0}" = 1 ]; then
  port=${BENCH_PORT:-18086}
  log=$(mktemp)
  # the warm-up: 1,000 messages from well before the end wait for derivation again, as if a process
  # had died before deriving them; the first request derives them (their series do not change)
  skip=$(( before / 5 < 20000 ? before / 5 : 20000 ))
  psql_bench -c "INSERT INTO derivation_pending (message_pk) SELECT id FROM message WHERE id NOT IN
    (SELECT message_pk FROM derivation_pending) ORDER BY id DESC OFFSET $skip LIMIT 1000"
  echo "== service on 127.0.0.1:$port over $BENCH_DB ($before messages stored)"
  # shellcheck disable=SC2086
  PATCHTRACK_API_TOKENS=bench java "${JAVA_OPTS_BENCH[@]}" ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$port" \
    -Dquarkus.http.host=127.0.0.1 -jar target/quarkus-app/quarkus-run.jar serve >"$log" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -rf "$log" "$out" ${tmp:-}' EXIT
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.5
  done
  put() { curl -fsS -o "$out" -w '%{time_total}' -T "$1" -H 'Authorization: Bearer bench' \
    "http://127.0.0.1:$port/api/import${BENCH_LIST[1]:+?list=${BENCH_LIST[1]}}"; }
  # and the 1,000 messages before the increment arrive again: parsed and analysed, stored already
  warm=$out.warm
  if real_mode; then
    python3 bench/mbox-split.py tail $((2 * increment)) "${BENCH_FILES[@]}" > "$warm.all"
    python3 bench/mbox-split.py head "$increment" "$warm.all" > "$warm"
    rm -f "$warm.all"
  else
    : > "$warm"
  fi
  echo "warm-up:      $(put "$warm") s (1,000 stored messages again, 1,000 older ones derived again)"
  rm -f "$warm"
  wall=$(put "$mbox")
  stored=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["stored"])' "$out")
  echo "== result (service)"
  echo "new messages: $stored"
  echo "sync:         $wall s (the PUT /api/import request: store and derive)"
  grep -E "changed messages reach|series derived from" "$log" | tail -n 2 | sed 's/^.*SeriesRebuilder\] ([^)]*) /log:          /'
  exit 0
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

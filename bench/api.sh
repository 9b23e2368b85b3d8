#!/usr/bin/env bash
# API: wrk on loopback against the service running on the database bench/ingest.sh loaded:
# a series list page (topic rust-core, 50 a page), a series, a message, and the same series
# again with If-None-Match (the 304 answer) when the service gives an ETag. Requests/s and p99.
#   bench/api.sh            30 s per endpoint, 2 threads, 32 connections
#   bench/api.sh --smoke    2 s per endpoint, on the smoke database
source "$(dirname "$0")/lib.sh"
duration=30s
if [ "${1:-}" = "--smoke" ]; then duration=2s; fi
port=${BENCH_PORT:-8089}
if ! command -v wrk >/dev/null; then
  echo "wrk is not installed; installing it (Debian package wrk)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null
fi
ensure_pg
ensure_jar
count=$(psql_bench -c "SELECT count(*) FROM message" 2>/dev/null || echo 0)
if [ "${count:-0}" = "0" ]; then
  echo "the database $BENCH_DB is empty: run bench/ingest.sh first" >&2
  exit 1
fi
machine
echo "== service on 127.0.0.1:$port over $BENCH_DB ($count messages)"
log=$(mktemp)
# shellcheck disable=SC2086
java "${JAVA_OPTS_BENCH[@]}" ${BENCH_JAVA_OPTS:-} -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 \
  -jar target/quarkus-app/quarkus-run.jar serve >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  curl -fs "$base/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done
series_id=$(curl -fs "$base/api/series?topic=rust-core&per_page=1" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("items", d) if isinstance(d, dict) else d; print(d[0]["id"])')
message_pk=$(psql_bench -c "SELECT p.message_pk FROM patch p JOIN revision r ON r.id = p.revision_id WHERE r.series_id = $series_id ORDER BY p.number LIMIT 1")
message_id=$(psql_bench -c "SELECT message_id FROM message WHERE id = $message_pk")
message_path="/api/messages/$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$message_id")"
lua=$(mktemp --suffix .lua)
cat > "$lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, errors))
end
LUA
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -f "$log" "$lua"' EXIT
# warm-up: the JIT and the connection pool
wrk -t2 -c16 -d3s "$base/api/series/$series_id" >/dev/null
wrk -t2 -c16 -d3s "$base/api/series?topic=rust-core" >/dev/null
echo "== wrk -t2 -c32 -d$duration (requests/s, p50 ms, p99 ms, requests, errors incl. non-2xx/3xx)"
run() {
  local name=$1 path=$2; shift 2
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$base$path")
  local r
  r=$(wrk -t2 -c32 -d"$duration" --latency -s "$lua" "$@" "$base$path" | grep '^RESULT')
  read -r _ rps p50 p99 n err <<<"$r"
  printf '%-28s %-6s %8s req/s   p50 %6s ms   p99 %7s ms   %s requests, %s errors\n' "$name" "$code" "$rps" "$p50" "$p99" "$n" "$err"
}
run "series list (rust-core)" "/api/series?topic=rust-core"
run "series detail" "/api/series/$series_id"
run "message detail" "$message_path"
# the ETag varies with Accept: ask with the Accept the polling client sends
accept="Accept: application/json"
etag=$(curl -s -D - -o /dev/null -H "$accept" "$base/api/series/$series_id" | awk 'tolower($1) == "etag:" {sub(/\r$/, ""); $1 = ""; sub(/^ /, ""); print}')
if [ -n "$etag" ]; then
  run "series detail, 304" "/api/series/$series_id" -H "$accept" -H "If-None-Match: $etag"
else
  echo "series detail, 304: not available (the service sent no ETag)"
fi

#!/usr/bin/env bash
# API: wrk on loopback against the service running on the database bench/ingest.sh loaded:
# the first /api/stats after start-up, a series list page (topic rust-core, or the topic with the most
# series when the mail has none, 50 a page), a series, a message, and the same series
# again with If-None-Match (the 304 answer) when the service gives an ETag. Requests/s and p99.
# Repeating one URL measures the answers kept by ETag; the "uncached" runs rotate over many series
# and messages (more URLs than the service keeps answers for, in a cycle), so nearly every request
# is rendered or read from its kept document: the share of requests answered from kept bytes is printed
# for each run, and the service's CPU time per request. Before them, the first renders: details no one
# has asked for since start-up, each rendered and kept once.
#   bench/api.sh            30 s per endpoint (BENCH_DURATION), 2 threads, 32 connections
#   bench/api.sh --smoke    2 s per endpoint, on the smoke database
source "$(dirname "$0")/lib.sh"
duration=${BENCH_DURATION:-30s}
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
# the first answer of /api/stats after start-up (nothing kept yet), then a second one
stats_ms() { curl -fs -o /dev/null -w '%{time_total}' "$base/api/stats" | awk '{printf "%.1f ms", $1 * 1000}' || echo failed; }
echo "/api/stats: first call $(stats_ms), second $(stats_ms)"
topic=$(psql_bench -c "SELECT topic FROM series_topic GROUP BY topic ORDER BY topic = 'rust-core' DESC, count(*) DESC LIMIT 1")
series_id=$(curl -fs "$base/api/series?topic=$topic&per_page=1" | python3 -c 'import json,sys; d=json.load(sys.stdin); d=d.get("items", d) if isinstance(d, dict) else d; print(d[0]["id"])')
message_pk=$(psql_bench -c "SELECT p.message_pk FROM patch p JOIN revision r ON r.id = p.revision_id WHERE r.series_id = $series_id ORDER BY p.number LIMIT 1")
message_id=$(psql_bench -c "SELECT message_id FROM message WHERE id = $message_pk")
message_path="/api/messages/$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$message_id")"
lua=$(mktemp --suffix .lua)
cat > "$lua" <<'LUA'
-- with a file of paths as argument: each request the next path, each thread from its own offset
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
end
function init(args)
  paths = {}
  if args[1] then
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
  end
  i = math.floor((offset or 0) * #paths / 2)
end
function request()
  if #paths == 0 then return wrk.request() end
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, errors))
end
LUA
series_paths=$(mktemp)
message_paths=$(mktemp)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -f "$log" "$lua" "$series_paths" "$message_paths"' EXIT
# More distinct URLs than the service keeps answers for (ResponseCache.MAX_ENTRIES, 256), walked in a
# cycle: least-recently-used keeping then never finds one. A small database has few series: each is
# also asked for through /api/v1, a URL of its own.
urls=600
psql_bench -c "SELECT id FROM series ORDER BY id LIMIT $urls" | awk -v n="$urls" '
  {id[NR] = $1} END {for (i = 1; i <= NR; i++) print "/api/series/" id[i];
                     for (i = 1; i <= NR && NR + i <= n; i++) print "/api/v1/series/" id[i]}' > "$series_paths"
psql_bench -c "SELECT m.message_id FROM message m JOIN patch p ON p.message_pk = m.id ORDER BY m.id LIMIT $urls" \
  | python3 -c 'import sys, urllib.parse; [print("/api/messages/" + urllib.parse.quote(l.strip(), safe="")) for l in sys.stdin if l.strip()]' \
  > "$message_paths"
# First renders: series and messages no request has asked for since start-up (the service drops its
# kept documents at start), walked by wrk over more URLs than it can ask for in that time, so
# each is asked for once: what rendering, writing and keeping a detail costs. The runs after them read
# kept documents (of the warm-up's URLs) or replay kept bytes.
first_series=$(mktemp)
first_messages=$(mktemp)
psql_bench -c "SELECT id FROM series ORDER BY id OFFSET $urls LIMIT 20000" | awk '{print "/api/series/" $1}' > "$first_series"
psql_bench -c "SELECT m.message_id FROM message m JOIN patch p ON p.message_pk = m.id ORDER BY m.id OFFSET $urls LIMIT 20000" \
  | python3 -c 'import sys, urllib.parse; [print("/api/messages/" + urllib.parse.quote(l.strip(), safe="")) for l in sys.stdin if l.strip()]' \
  > "$first_messages"
# warm-up: the JIT and the connection pool
wrk -t2 -c16 -d3s "$base/api/series/$series_id" >/dev/null
wrk -t2 -c16 -d3s "$base/api/series?topic=$topic" >/dev/null
wrk -t2 -c16 -d3s -s "$lua" "$base/" -- "$message_paths" >/dev/null
wrk -t2 -c16 -d3s -s "$lua" "$base/" -- "$series_paths" >/dev/null
echo "== wrk -t2 -c32 -d$duration (requests/s, p50 ms, p99 ms, requests, errors incl. non-2xx/3xx, share answered from kept bytes, service CPU per request)"
# the service's count of answers replayed from kept bytes and of lookups that found none
cache_counts() {
  curl -fs "$base/q/metrics" | awk '/^patchtrack_response_cache_total\{result="hit"/ {h = $2}
    /^patchtrack_response_cache_total\{result="miss"/ {m = $2} END {printf "%d %d\n", h, m}'
}
# CPU time the service has used (user + system, clock ticks): divided by the requests of a run, what
# one answer costs, a figure that holds better than requests/s when other work shares the machine
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# run NAME PATH [PATHS-FILE] [curl/wrk header options]: PATHS-FILE makes each request the next path in it
run() {
  local name=$1 path=$2; shift 2
  local paths=()
  if [ -n "${1:-}" ] && [ -f "$1" ]; then paths=(-- "$1"); shift; fi
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$base$path")
  local r h0 m0 h1 m1
  read -r h0 m0 <<<"$(cache_counts)"
  local cpu0 cpu1
  cpu0=$(cpu_ticks)
  r=$(wrk -t2 -c32 -d"${run_for:-$duration}" --latency -s "$lua" "$@" "$base$path" "${paths[@]}" | grep '^RESULT')
  cpu1=$(cpu_ticks)
  read -r h1 m1 <<<"$(cache_counts)"
  read -r _ rps p50 p99 n err <<<"$r"
  local cpu
  cpu=$(awk -v t=$((cpu1 - cpu0)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (n > 0 ? t * 1000 / hz / n : 0)}')
  local kept
  kept=$(awk -v h=$((h1 - h0)) -v m=$((m1 - m0)) 'BEGIN {if (h + m > 0) printf "%.0f%%", 100 * h / (h + m); else printf "none"}')
  printf '%-28s %-6s %8s req/s   p50 %6s ms   p99 %7s ms   %s requests, %s errors, %s from kept answers, service CPU %s ms/request\n' \
    "$name" "$code" "$rps" "$p50" "$p99" "$n" "$err" "$kept" "$cpu"
}
# the first renders: 10 s each (BENCH_FIRST_DURATION; 2 s with --smoke), and only when there are
# more URLs than that can ask for
first_for=${BENCH_FIRST_DURATION:-10s}
if [ "${1:-}" = "--smoke" ]; then first_for=2s; fi
if [ "$(wc -l < "$first_series")" -ge 3000 ]; then
  run_for=$first_for run "series detail, first render" "$(head -n 1 "$first_series")" "$first_series"
fi
if [ "$(wc -l < "$first_messages")" -ge 6000 ]; then
  run_for=$first_for run "message detail, first render" "$(head -n 1 "$first_messages")" "$first_messages"
fi
rm -f "$first_series" "$first_messages"
run "series list ($topic)" "/api/series?topic=$topic"
run "series detail" "/api/series/$series_id"
run "message detail" "$message_path"
run "series detail, uncached" "$(head -n 1 "$series_paths")" "$series_paths"
run "message detail, uncached" "$(head -n 1 "$message_paths")" "$message_paths"
# the ETag varies with Accept: ask with the Accept the polling client sends
accept="Accept: application/json"
etag=$(curl -s -D - -o /dev/null -H "$accept" "$base/api/series/$series_id" | awk 'tolower($1) == "etag:" {sub(/\r$/, ""); $1 = ""; sub(/^ /, ""); print}')
if [ -n "$etag" ]; then
  run "series detail, 304" "/api/series/$series_id" -H "$accept" -H "If-None-Match: $etag"
else
  echo "series detail, 304: not available (the service sent no ETag)"
fi

#!/usr/bin/env bash
# What polling costs: N full GETs of a list against N conditional GETs (If-None-Match) of the same
# list, one after the other over one keep-alive connection, against a running instance.
#   bench/conditional-get.sh [BASE_URL] [PATH] [N]
#   bench/conditional-get.sh http://127.0.0.1:8080 '/api/v1/series?per_page=100' 2000
set -euo pipefail
base=${1:-http://127.0.0.1:8080}
path=${2:-/api/v1/series?per_page=100}
n=${3:-1000}
url="$base$path"
etag=$(curl -s -o /dev/null -D - "$url" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
bytes=$(curl -s "$url" | wc -c)
[ -n "$etag" ] || { echo "no ETag from $url" >&2; exit 1; }
urls=$(mktemp)
trap 'rm -f "$urls"' EXIT
for _ in $(seq "$n"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done > "$urls"
run() { # prints seconds for n requests and the status codes seen
  local start end codes
  start=$(date +%s.%N)
  codes=$(curl -s -K "$urls" "$@" -w '%{http_code}\n' | sort | uniq -c | tr -s ' ' | tr '\n' ' ')
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc) $codes"
}
echo "== $url ($bytes bytes), $n requests each, sequential, one connection"
read -r full fcodes <<<"$(run)"
read -r cond ccodes <<<"$(run -H "If-None-Match: $etag")"
printf 'full GET        %8.3f ms/request  %7.0f requests/s  (status:%s)\n' \
  "$(echo "$full * 1000 / $n" | bc -l)" "$(echo "$n / $full" | bc -l)" "$fcodes"
printf 'If-None-Match   %8.3f ms/request  %7.0f requests/s  (status:%s)\n' \
  "$(echo "$cond * 1000 / $n" | bc -l)" "$(echo "$n / $cond" | bc -l)" "$ccodes"

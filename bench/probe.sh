#!/usr/bin/env bash
# Probe: the packaged service (default H2 build, -Xmx512m, a fresh database file in a temporary
# directory) attacked as issue 15 did: hostile requests from /q/openapi, token variants, forged
# source URLs and redirects, concurrent uploads, mutants of real mail with a restart, a gzip bomb.
# Prints requests tried, status classes, 5xx seen and data lost; exits 1 when any was bad.
#   bench/probe.sh            the full run (about 5,400 requests, 3,000 mutants; 5 min on 2 busy cores)
#   bench/probe.sh --smoke    a small run (about 2,500 requests, 300 mutants)
# Extra arguments go to bench/probe.py (--keep keeps the database and logs, --seed N).
source "$(dirname "$0")/lib.sh"
real=../shared/corpus/real
[ -d "$real" ] || real=/work/shared/corpus/real
if [ "${BENCH_BUILD:-1}" != "0" ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "building the jar (H2) ..." >&2
  ./mvnw -B -q -o package -DskipTests >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests
fi
echo "== machine"
echo "cores:  $(nproc)"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "java:   $(java -version 2>&1 | head -n 1)"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; the machine may be shared)"
echo "== probe"
exec python3 bench/probe.py --gen "$GEN" \
  --mbox "linux-kbuild=$real/linux-kbuild-rust.mbox.gz" --mbox "linux-pci=$real/linux-pci-rust.mbox.gz" "$@"

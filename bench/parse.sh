#!/usr/bin/env bash
# Parse-only throughput (messages/s and MB/s) on one thread over a 100,000-message corpus from
# gen-mbox.py (4700 series, seed 1: about 100k messages). Builds what it needs, offline if possible.
#   bench/parse.sh [MBOX] [PASSES]
set -euo pipefail
cd "$(dirname "$0")/.."
mbox=${1:-target/bench/gen-4700-1.mbox}
passes=${2:-3}
if [ ! -f "$mbox" ]; then
  mkdir -p "$(dirname "$mbox")"
  echo "generating $mbox with gen-mbox.py 4700 1 ..."
  python3 ../shared/tools/gen-mbox.py 4700 1 "$mbox"
fi
. bench/lib.sh
bench_build
# One thread for the work; a small heap so the numbers do not depend on a machine's memory size.
exec java -Xmx2g -XX:+UseParallelGC -XX:ParallelGCThreads=1 -XX:CICompilerCount=2 \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  dev.patchtrack.bench.ParseBenchmark "$mbox" "$passes"

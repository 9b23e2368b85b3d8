#!/usr/bin/env bash
# Tree scanning throughput (commits/s) on one thread over a generated repository: COMMITS commits
# (default 5000) with a release tag every 250, written by gen-tree.py through git fast-import.
#   bench/trees.sh [COMMITS] [PASSES]
set -euo pipefail
cd "$(dirname "$0")/.."
commits=${1:-5000}
passes=${2:-3}
repo=target/bench/tree-$commits.git
if [ ! -d "$repo" ]; then
  mkdir -p target/bench
  echo "generating $repo with gen-tree.py $commits ..."
  git init -q --bare "$repo"
  python3 bench/gen-tree.py "$commits" 250 | git -C "$repo" fast-import --quiet
fi
. bench/lib.sh
bench_build
exec java -Xmx1g -XX:+UseParallelGC -XX:ParallelGCThreads=1 -XX:CICompilerCount=2 \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  dev.patchtrack.bench.TreeScanBenchmark "$repo" "$passes"

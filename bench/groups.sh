#!/usr/bin/env bash
# The groups of messages the link keys close a corpus into (no database): their number and the
# largest sizes. Deriving series holds one group in memory at a time, so the largest group bounds the
# heap and the time an import's derivation needs.
#   bench/groups.sh [SERIES] [SEED]     gen-mbox.py corpus, default 9800 1 (about 212,000 messages)
source "$(dirname "$0")/lib.sh"
mbox=$(corpus "${1:-9800}" "${2:-1}")
bench_build
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  dev.patchtrack.bench.LinkGroupStats "$mbox"

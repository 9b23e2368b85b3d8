# Shared by the bench/*.sh scripts: the machine, PostgreSQL, a fresh benchmark database, the pg jar.
# Sourced, not run. Settings (environment):
#   PATCHTRACK_BENCH_DB   database name (default patchtrack_bench); dropped and created by bench/ingest.sh
#   BENCH_BUILD=0         use target/quarkus-app as it is (it must be a pg build)
#   BENCH_PORT            HTTP port for bench/api.sh (default 8089)
#   BENCH_REAL=1          real mail: the shared Rust threads of linux-kbuild and linux-pci (read in place)
#   BENCH_ARCHIVE=FILE    real mail: a whole archive as mbox or mbox.gz (archive-to-mbox.py); before BENCH_REAL
#   BENCH_PI=1            bench/ingest.sh also times public-inbox's import of the same mail (lore-local)
#   BENCH_PI_PORT         port for that public-inbox (default 8090)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH_DB=${PATCHTRACK_BENCH_DB:-patchtrack_bench}
BENCH_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB"
SHARED=../shared
[ -d "$SHARED/tools" ] || SHARED=/work/shared
GEN=$SHARED/tools/gen-mbox.py
LORE_LOCAL=$SHARED/tools/lore-local
REAL_MAIL=("$SHARED/corpus/real/linux-kbuild-rust.mbox.gz" "$SHARED/corpus/real/linux-pci-rust.mbox.gz")

machine() {
  echo "== machine"
  echo "cpu:    $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores:  $(nproc)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java:   $(java -version 2>&1 | head -n 1)"
  echo "pg:     $(psql_admin "-c 'SHOW server_version'" 2>/dev/null || echo unknown)"
  echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; the machine may be shared)"
}

psql_admin() { (cd /tmp && su postgres -c "psql -v ON_ERROR_STOP=1 -tAq $*"); }
psql_bench() { PGPASSWORD=patchtrack psql -h 127.0.0.1 -U patchtrack -d "$BENCH_DB" -v ON_ERROR_STOP=1 -tAq "$@"; }

ensure_pg() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
  if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'patchtrack'\"")" != "1" ]; then
    psql_admin "-c \"CREATE ROLE patchtrack LOGIN PASSWORD 'patchtrack'\""
  fi
}

fresh_db() {
  psql_admin "-c \"DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)\""
  psql_admin "-c \"CREATE DATABASE $BENCH_DB OWNER patchtrack\""
}

ensure_jar() {
  if [ "${BENCH_BUILD:-1}" != "0" ] || [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "building the pg jar ..." >&2
    ./mvnw -B -q -o package -DskipTests -Dquarkus.profile=pg >/dev/null 2>&1 \
      || ./mvnw -B -q package -DskipTests -Dquarkus.profile=pg
  fi
}

# A corpus from gen-mbox.py, made once: corpus SERIES SEED -> prints the path
corpus() {
  local f="target/bench/gen-$1-$2.mbox"
  if [ ! -f "$f" ]; then
    mkdir -p target/bench
    echo "generating $f (gen-mbox.py $1 $2) ..." >&2
    python3 "$GEN" "$1" "$2" "$f" >&2
  fi
  echo "$f"
}

real_mode() { [ -n "${BENCH_ARCHIVE:-}" ] || [ "${BENCH_REAL:-0}" = 1 ]; }

# The mail a run reads: bench_inputs SERIES SEED sets BENCH_FILES (the files, read in place) and
# BENCH_LIST (the import's list option): real mail is filed by its List-Id, a generated corpus
# (gen-mbox.py SERIES SEED, made once) under rust-for-linux.
bench_inputs() {
  BENCH_LIST=()
  if [ -n "${BENCH_ARCHIVE:-}" ]; then
    [ -r "$BENCH_ARCHIVE" ] || { echo "cannot read BENCH_ARCHIVE=$BENCH_ARCHIVE" >&2; exit 1; }
    BENCH_FILES=("$BENCH_ARCHIVE")
  elif [ "${BENCH_REAL:-0}" = 1 ]; then
    BENCH_FILES=("${REAL_MAIL[@]}")
  else
    BENCH_FILES=("$(corpus "$1" "$2")")
    BENCH_LIST=(--list rust-for-linux)
  fi
}

# MB of mail in FILE... (uncompressed)
mail_mb() {
  local f
  for f in "$@"; do
    case $f in *.gz) gzip -dc "$f" | wc -c ;; *) stat -c %s "$f" ;; esac
  done | awk '{b += $1} END {printf "%.1f", b / 1048576}'
}

# The import's summary lines (the per-message problems left out for real mail, which has many)
show_import() { if real_mode; then grep -v '^  ' "$1" || true; else cat "$1"; fi; }

# Totals over the import's summary lines in FILE (one per mbox): sets IMPORT_READ, IMPORT_STORED,
# IMPORT_STORE_S (reading and storing) and IMPORT_DERIVE_S (deriving the series).
import_totals() {
  read -r IMPORT_READ IMPORT_STORED IMPORT_STORE_S IMPORT_DERIVE_S <<<"$(awk '
    /^[^ ].* read, / {for (i = 1; i < NF; i++) {v = $i; gsub(",", "", v)
                 if ($(i + 1) ~ /^read,?$/) r += v; if ($(i + 1) ~ /^stored,?$/) s += v}
               if (match($0, /problems \([0-9.]+ s\)/)) {v = substr($0, RSTART + 10); t += v + 0}}
    /^series: .* derived in / {match($0, /derived in [0-9.]+/); d += substr($0, RSTART + 11) + 0}
    END {printf "%d %d %.1f %.1f\n", r, s, t, d}' "$1")"
}

# The jar as a command on the benchmark database, heap capped at 512 MB.
JAVA_OPTS_BENCH=(-Xmx512m -Dquarkus.profile=pg "-Dquarkus.datasource.jdbc.url=$BENCH_URL"
  -Dquarkus.scheduler.enabled=false)
# shellcheck disable=SC2206
PATCHTRACK=(java "${JAVA_OPTS_BENCH[@]}" ${BENCH_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar)

# Runs a command under /usr/bin/time -v: sets TIMED_WALL (s), TIMED_RSS_MB and TIMED_RC.
timed() {
  local log; log=$(mktemp)
  TIMED_RC=0
  /usr/bin/time -v -o "$log" "$@" || TIMED_RC=$?
  TIMED_WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  TIMED_RSS_MB=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$log")
  rm -f "$log"
}

# public-inbox's import with full Xapian indexing (lore-local start, the /all/ extindex left out) of
# the same mail, timed and compared with patchtrack's end-to-end rate: pi_compare MSG_PER_S FILE...
pi_compare() {
  local rate=$1; shift
  local dir log t0 t1
  dir=$(mktemp -d /tmp/bench-pi.XXXXXX)
  log=$(mktemp)
  echo "== public-inbox: lore-local start (import, full Xapian index) of the same mail"
  t0=$(date +%s.%N)
  if ! LORE_LOCAL_ALL=0 "$LORE_LOCAL" start "$dir" "${BENCH_PI_PORT:-8090}" "$@" >/dev/null 2>"$log"; then
    tail -n 20 "$log" >&2
    "$LORE_LOCAL" stop "$dir" >/dev/null 2>&1 || true
    rm -rf "$dir" "$log"
    echo "public-inbox: the import failed" >&2
    return 1
  fi
  t1=$(date +%s.%N)
  "$LORE_LOCAL" stop "$dir" >/dev/null 2>&1 || true
  grep -E ': read [0-9]+ messages' "$log" | sed 's/^/  /' || true
  awk -v t0="$t0" -v t1="$t1" -v rate="$rate" '/: read [0-9]+ messages/ {for (i = 1; i < NF; i++) if ($i == "read") n += $(i + 1)}
    END {s = t1 - t0; pi = n / s
         printf "public-inbox: %.0f msg/s (%d messages in %.1f s, with start-up); patchtrack/public-inbox = %.1f×\n", pi, n, s, rate / pi}' "$log"
  rm -rf "$dir" "$log"
}

# For the JVM-only benchmarks (parse, trees): the test classes and the runtime classpath, offline
# when possible, and the machine.
bench_build() {
  ./mvnw -B -q -o test-compile >/dev/null 2>&1 || ./mvnw -B -q test-compile
  if [ ! -f target/bench.classpath ] || [ pom.xml -nt target/bench.classpath ]; then
    ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
  fi
  echo "== machine"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  java -version 2>&1 | sed 's/^/java: /'
  echo "== benchmark"
}

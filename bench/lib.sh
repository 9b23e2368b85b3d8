# Shared by the bench/*.sh scripts: the machine, PostgreSQL, a fresh benchmark database, the pg jar.
# Sourced, not run. Settings (environment):
#   PATCHTRACK_BENCH_DB   database name (default patchtrack_bench); dropped and created by bench/ingest.sh
#   BENCH_BUILD=0         use target/quarkus-app as it is (it must be a pg build)
#   BENCH_PORT            HTTP port for bench/api.sh (default 8089)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BENCH_DB=${PATCHTRACK_BENCH_DB:-patchtrack_bench}
BENCH_URL="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB"
GEN=../shared/tools/gen-mbox.py
[ -f "$GEN" ] || GEN=/work/shared/tools/gen-mbox.py

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

# Shared by the bench scripts (sourced): builds the test classes and the runtime classpath, offline
# when it can, and prints the machine.
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

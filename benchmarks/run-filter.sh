#!/usr/bin/env bash
# List filtering benchmarks: PermissionFilters against no filter, objectIds + IN and @PostFilter,
# on 100,000 sessions over 1,000 events (FilterBenchmark, UnfilteredListBenchmark), on H2 in memory
# and on this machine's PostgreSQL (127.0.0.1:5432/test, user postgres) with its query plans
# (FilterExplain); the tables of benchmarks/FILTERING.md are rewritten from the results.
#
#   benchmarks/run-filter.sh           3 warm-up and 5 measured iterations of 1 s per case
#   benchmarks/run-filter.sh --quick   1 warm-up and 2 measured iterations
#
# benchmarks/run.sh runs it as its phase 6 (FILTER_OUT, FILTER_JMH_OPTS and BENCH_CP set). The
# PostgreSQL part holds /tmp/pm-servers.lock, since test runs share that database; run the whole
# script under /tmp/pm-bench.lock on a shared machine:
#   flock /tmp/pm-bench.lock benchmarks/run-filter.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BENCH_CP:-}" ]; then
  ./mvnw -B -q -pl benchmarks -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/runtime-classpath.txt
  BENCH_CP="$(pwd)/benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"
fi
OUT=${FILTER_OUT:-benchmarks/target/filter-results}
if [ -z "${FILTER_OUT:-}" ]; then
  rm -rf "$OUT"
  mkdir -p "$OUT"
  {
    echo "started=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "cores=$(nproc)"
    echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
    echo "command=benchmarks/run-filter.sh${1:+ $1}"
  } > "$OUT/machine.properties"
fi
if [ -n "${FILTER_JMH_OPTS:-}" ]; then
  read -r -a JMH_OPTS <<< "$FILTER_JMH_OPTS"
elif [ "${1:-}" = "--quick" ]; then
  JMH_OPTS=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
else
  JMH_OPTS=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
fi
printf '%s ' "${JMH_OPTS[@]}" > "$OUT/filter-jmh-options.txt"

run() {
  local name=$1
  shift
  echo "load_$name=$(date -u '+%H:%M:%S') $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.properties"
  echo "JMH $name"
  java -cp "$BENCH_CP" org.openjdk.jmh.Main "$@" "${JMH_OPTS[@]}" -foe false -rf json -rff "$OUT/$name.json" \
    > "$OUT/$name.log" 2>&1 || echo "JMH $name exited with status $?" >> "$OUT/failures.txt"
  grep -E '^# .*verified' "$OUT/$name.log" | sed 's/^.*# /  /' | sort -u || true
  if grep -q '<failure>' "$OUT/$name.log"; then
    echo "  some $name cases FAILED: see $OUT/$name.log" | tee -a "$OUT/failures.txt"
  fi
}

PKG='io\.github\.permissionmanager\.benchmarks\.filter\.'
run filter-h2 "${PKG}FilterBenchmark" -to 600s
run filter-h2-unfiltered "${PKG}UnfilteredListBenchmark"
if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  PG=(-Dfilter.url=jdbc:postgresql://127.0.0.1:5432/test -Dfilter.user=postgres)
  exec 9>/tmp/pm-servers.lock
  flock 9
  run filter-postgresql "${PKG}FilterBenchmark" -to 600s -jvmArgsAppend "${PG[*]}"
  run filter-postgresql-unfiltered "${PKG}UnfilteredListBenchmark" -jvmArgsAppend "${PG[*]}"
  java -cp "$BENCH_CP" "${PG[@]}" io.github.permissionmanager.benchmarks.filter.FilterExplain \
    > "$OUT/filter-postgresql-plans.txt" 2> "$OUT/filter-postgresql-plans.log" \
    || echo "FilterExplain exited with status $?" >> "$OUT/failures.txt"
  flock -u 9
else
  echo "PostgreSQL does not answer on 127.0.0.1:5432: list filtering ran on H2 only" | tee "$OUT/filter-postgresql-skipped.txt"
fi
echo "finished_filter=$(date -u '+%Y-%m-%d %H:%M:%S UTC') $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.properties"
python3 benchmarks/filter-report.py "$OUT" benchmarks/FILTERING.md
echo "Wrote the results of list filtering into benchmarks/FILTERING.md"

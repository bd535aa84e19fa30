#!/usr/bin/env bash
# Runs every benchmark of Permission Manager and writes benchmarks/RESULTS.md, benchmarks/FILTERING.md,
# benchmarks/PDP.md and the "Performance" section of README.md.
#
#   benchmarks/run.sh           full run: every case at every size (about 15 minutes on 2 cores, plus
#                               about 25 for list filtering on H2 and PostgreSQL)
#   benchmarks/run.sh --quick   smoke run: 10k grants only, short iterations (about 4 minutes)
#   benchmarks/run.sh [--quick] --only http
#                               one phase alone (engine, interceptor, resolution, abac, http, filter,
#                               pdp, propagation), its raw output under benchmarks/target/results[-quick]-<phase>;
#                               RESULTS.md and README.md are left alone (the HTTP phase prints its section)
#
# JMH 1.37, one fork per case, warm-up and measurement iterations of one second each (3 + 5
# in a full run, 1 + 2 in quick mode): modest on purpose, so a full run stays bounded; the
# ± columns are JMH's 99.9 % confidence intervals over those iterations. HTTP: wrk, 2 threads,
# against the sample app on 127.0.0.1. Needs a JDK 17+, python3, and wrk (installed with
# apt-get when missing and the script runs as root).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
MODE=full
ONLY=
usage() {
  echo "usage: benchmarks/run.sh [--quick] [--only engine|interceptor|resolution|abac|http|filter|pdp|propagation]" >&2
  exit 2
}
ARGS="$*"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) MODE=quick ;;
    --only)
      [ $# -ge 2 ] || usage
      case "$2" in
        engine | interceptor | resolution | abac | http | filter | pdp | propagation) ONLY=$2 ;;
        *) usage ;;
      esac
      shift
      ;;
    *) usage ;;
  esac
  shift
done
COMMAND="benchmarks/run.sh${ARGS:+ $ARGS}"
# a quick run keeps its raw output apart, so the page can show the last run of each mode; a run
# of one phase too, so it never replaces a whole run's
OUT="$ROOT/benchmarks/target/results"
[ "$MODE" = quick ] && OUT="$ROOT/benchmarks/target/results-quick"
[ -n "$ONLY" ] && OUT="$OUT-$ONLY"
rm -rf "$OUT"
mkdir -p "$OUT"

# phase <name>: whether this run runs that phase
phase() {
  [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]
}

# --- machine, as found at the start -------------------------------------------------------
{
  echo "started=$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "loadavg=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cores=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "jdk=$(java -version 2>&1 | sed -n 2p)"
  echo "os=$(. /etc/os-release && echo "$PRETTY_NAME") $(uname -r)"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "mode=$MODE"
  echo "command=$COMMAND"
} > "$OUT/machine.properties"
cat "$OUT/machine.properties"

# --- build: compile only, no tests, no shaded jar ---------------------------------------------
BUILD=(-B -q -pl benchmarks,sample-app -am compile dependency:build-classpath
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt)
echo "Building (./mvnw ${BUILD[*]})"
./mvnw -o "${BUILD[@]}" > "$OUT/build-offline.log" 2>&1 || ./mvnw "${BUILD[@]}"
BENCH_CP="$ROOT/benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"
cp benchmarks/target/runtime-classpath.txt "$OUT/classpath.txt"

if [ "$MODE" = quick ]; then
  JMH_OPTS=(-f 1 -wi 1 -w 1s -i 2 -r 1s)
  SIZES=(-p grants=10000)
  WRK_SECONDS=5
else
  JMH_OPTS=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
  SIZES=()
  WRK_SECONDS=10
fi
printf '%s ' "${JMH_OPTS[@]}" > "$OUT/jmh-options.txt"

phase_load() {
  echo "load_$1=$(date -u '+%H:%M:%S') $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.properties"
}

jmh() {
  local name=$1
  shift
  phase_load "$name"
  echo "JMH $name: $*"
  # -foe false: a case that fails (an unexpected decision, an error) is reported and the others still run
  java -cp "$BENCH_CP" org.openjdk.jmh.Main "$@" -foe false -prof gc -rf json -rff "$OUT/$name.json" \
    > "$OUT/$name.log" 2>&1 || echo "JMH $name exited with status $?" >> "$OUT/failures.txt"
  grep -E '^# .*(checks answered|verified)' "$OUT/$name.log" | sed 's/^.*# /  /' | sort -u || true
  # JMH prints "<failure>" and the exception of every case that did not complete
  if grep -q '<failure>' "$OUT/$name.log"; then
    grep -A3 '<failure>' "$OUT/$name.log" | grep -E 'Exception|Error' | sed "s/^/$name: /" | sort -u >> "$OUT/failures.txt"
    echo "  some $name cases FAILED: see $OUT/$name.log"
  fi
}

# --- 1. decision engines on the same generated grants -----------------------------------------
phase engine && jmh engine 'io\.github\.permissionmanager\.benchmarks\.engine\..*' "${JMH_OPTS[@]}" "${SIZES[@]}"

# --- 2. interceptor overhead, 3. context resolution ---------------------------------------------
if phase interceptor && ls benchmarks/target/classes/io/github/permissionmanager/benchmarks/interceptor/*Benchmark.class >/dev/null 2>&1; then
  jmh interceptor 'io\.github\.permissionmanager\.benchmarks\.interceptor\..*' "${JMH_OPTS[@]}"
fi
if phase resolution && ls benchmarks/target/classes/io/github/permissionmanager/benchmarks/resolution/*Benchmark.class >/dev/null 2>&1; then
  jmh resolution 'io\.github\.permissionmanager\.benchmarks\.resolution\..*' "${JMH_OPTS[@]}"
fi

# --- 3b. ABAC: a check a condition allows (attributes supplied with it) against the plain cached check ---
phase abac && jmh abac 'io\.github\.permissionmanager\.benchmarks\.abac\..*' "${JMH_OPTS[@]}"

# --- 4. HTTP: the sample app on loopback under wrk ----------------------------------------------
if phase http && ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing wrk (Debian package)"
    (apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }) || true
  else
    (sudo -n apt-get install -y -qq wrk >/dev/null 2>&1) || true
  fi
fi
if ! phase http; then
  :
elif [ ! -f sample-app/target/classes/io/github/permissionmanager/sample/SampleApplication.class ]; then
  echo "The sample app is not in this build: the HTTP comparison is skipped" | tee "$OUT/http-skipped.txt"
elif command -v wrk >/dev/null 2>&1; then
  . benchmarks/http-measure.sh
  PORT=18080
  SAMPLE_CP="$ROOT/sample-app/target/classes:$(cat sample-app/target/runtime-classpath.txt):$ROOT/benchmarks/target/classes"
  GUARDED_PATH='/events/{event_id}/tracks'
  URL_PATH='/events/1/tracks'
  AUTH="Authorization: Basic $(printf 'alice:alice' | base64)"
  phase_load http
  echo "HTTP: starting the sample app on 127.0.0.1:$PORT"
  # Flight Recorder starts with the app (a recording of no events, stopped once the app answers):
  # its first start in a running JVM redefines JDK classes and throws away their compiled code,
  # so a profile started only after the rounds ran at 1/50 of their throughput (PERFORMANCE-NOTES.md)
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<configuration version="2.0"></configuration>\n' > "$OUT/jfr-no-events.jfc"
  java -Xmx512m -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording:name=init,settings="$OUT/jfr-no-events.jfc" \
    -cp "$SAMPLE_CP" -Dbench.guarded-path="$GUARDED_PATH" \
    io.github.permissionmanager.benchmarks.http.HttpBenchmarkApplication \
    --server.address=127.0.0.1 --server.port=$PORT > "$OUT/http-app.log" 2>&1 &
  APP_PID=$!
  trap 'kill $APP_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then break; fi
    if ! kill -0 $APP_PID 2>/dev/null; then break; fi
    sleep 1
  done
  # Both sides must answer 200 with the same body before anything is timed
  G_BODY=$(curl -s -w ' HTTP %{http_code}' -H "$AUTH" "http://127.0.0.1:$PORT$URL_PATH" || true)
  U_BODY=$(curl -s -w ' HTTP %{http_code}' -H "$AUTH" "http://127.0.0.1:$PORT/unguarded$URL_PATH" || true)
  D_CODE=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Basic $(printf 'dave:dave' | base64)" "http://127.0.0.1:$PORT$URL_PATH" || true)
  echo "  guarded:   HTTP ${G_BODY##* }, ${#G_BODY} bytes"
  echo "  unguarded: HTTP ${U_BODY##* }, ${#U_BODY} bytes"
  echo "  guarded as dave (no grants): HTTP $D_CODE"
  jcmd $APP_PID JFR.stop name=init > /dev/null 2>&1 || true
  HTTP_OK=yes
  if ! kill -0 $APP_PID 2>/dev/null; then
    echo "The sample app did not start (see http-app.log): the HTTP comparison is skipped" | tee "$OUT/http-skipped.txt"
    tail -20 "$OUT/http-app.log" | sed 's/^/    /'
    HTTP_OK=no
  elif [ "$G_BODY" != "$U_BODY" ] || [ "${G_BODY##* }" != 200 ] || [ "$D_CODE" != 403 ]; then
    echo "The guarded and unguarded endpoints did not both answer 200 with the same body, or the guard did not deny dave" \
      "(HTTP $D_CODE): the HTTP comparison is skipped" | tee "$OUT/http-skipped.txt"
    HTTP_OK=no
  fi
  if [ $HTTP_OK = yes ]; then
  # Warm-up: the guarded side has more code for the JIT, and with wrk and the app on the same two
  # cores, C2 reaches the guard's methods late (the first 60-90 s of load ran them at tier 3, with
  # 2-2.5x the CPU per request; PERFORMANCE-NOTES.md). So the sides alternate, as in the rounds,
  # until both settle: each side's CPU time per request within HTTP_SETTLE % of its previous
  # warm-up run, in the same pair of runs; at most HTTP_WARMUP_MAX pairs. Every run is logged.
  HTTP_SETTLE=5
  HTTP_WARMUP_MAX=12
  HTTP_ROUNDS=5
  if [ "$MODE" = quick ]; then
    # 5 s runs on a shared machine move by more than 5 % once warm; the JIT's effect is 2-5x
    HTTP_SETTLE=10
    HTTP_WARMUP_MAX=10
    HTTP_ROUNDS=3
  fi
  side_path() {
    if [ "$1" = unguarded ]; then echo "/unguarded$URL_PATH"; else echo "$URL_PATH"; fi
  }
  cpu_of() {
    local rest=${1#*cpu_us=}
    echo "${rest%% *}"
  }
  declare -A PREVIOUS_CPU=()
  WARMUP_SETTLED=no
  WARMUP_RUNS=0
  echo "  warm-up: alternating ${WRK_SECONDS} s runs until each side's CPU time per request is within" \
    "$HTTP_SETTLE % of its previous run (at most $HTTP_WARMUP_MAX pairs)"
  while [ "$WARMUP_RUNS" -lt "$HTTP_WARMUP_MAX" ]; do
    WARMUP_RUNS=$((WARMUP_RUNS + 1))
    pair_settled=yes
    for side in guarded unguarded; do
      line=$(measured_wrk $APP_PID "http://127.0.0.1:$PORT$(side_path $side)" "$WRK_SECONDS" "$OUT/wrk-warmup-$side-$WARMUP_RUNS.txt")
      cpu=$(cpu_of "$line")
      verdict="first"
      if [ -n "${PREVIOUS_CPU[$side]:-}" ]; then
        if awk -v a="$cpu" -v b="${PREVIOUS_CPU[$side]}" -v s="$HTTP_SETTLE" 'BEGIN { exit !(b > 0 && (a - b) / b * 100 <= s && (b - a) / b * 100 <= s) }'; then
          verdict="settled"
        else
          verdict="moving"
          pair_settled=no
        fi
      else
        pair_settled=no
      fi
      PREVIOUS_CPU[$side]=$cpu
      printf 'warm-up %d %-9s %s %s\n' "$WARMUP_RUNS" "$side" "$line" "$verdict" | tee -a "$OUT/http-warmup.txt" | sed 's/^/  /'
    done
    if [ $pair_settled = yes ]; then
      WARMUP_SETTLED=yes
      break
    fi
  done
  {
    echo "guarded_path=$URL_PATH"
    echo "unguarded_path=/unguarded$URL_PATH"
    echo "check_guarded=$G_BODY"
    echo "check_dave=$D_CODE"
    echo "seconds=$WRK_SECONDS"
    echo "warmup=alternating wrk runs of $WRK_SECONDS s until each side's CPU time per request was within $HTTP_SETTLE % of its previous run, at most $HTTP_WARMUP_MAX pairs"
    echo "warmup_runs=$WARMUP_RUNS"
    echo "warmup_settled=$WARMUP_SETTLED"
    echo "rounds=$HTTP_ROUNDS"
  } > "$OUT/http.properties"
  [ $WARMUP_SETTLED = yes ] || echo "  warm-up did not settle within $HTTP_WARMUP_MAX pairs: the rounds may still include JIT warm-up"
  # Alternate the two sides, so a drift in machine load hits both alike
  for round in $(seq 1 "$HTTP_ROUNDS"); do
    for side in guarded unguarded; do
      line=$(measured_wrk $APP_PID "http://127.0.0.1:$PORT$(side_path $side)" "$WRK_SECONDS" "$OUT/wrk-$side-$round.txt" --latency)
      echo "$line" > "$OUT/wrk-$side-$round.cpu"
      printf '  round %d %-9s %s\n' "$round" "$side" "$line"
    done
  done
  # A missed target gets a profile: one more guarded round under Java Flight Recorder
  if python3 benchmarks/report.py http-missed "$OUT"; then
    echo "  guarded throughput below its target share of unguarded: profiling one more guarded round with JFR"
    jcmd $APP_PID JFR.start name=bench settings=profile filename="$OUT/http-guarded.jfr" > /dev/null
    line=$(measured_wrk $APP_PID "http://127.0.0.1:$PORT$URL_PATH" "$WRK_SECONDS" "$OUT/wrk-guarded-profiled.txt")
    jcmd $APP_PID JFR.stop name=bench > /dev/null
    echo "  profiled guarded run: $line"
    echo "$line" > "$OUT/wrk-guarded-profiled.cpu"
    jfr print --events jdk.ExecutionSample --stack-depth 256 "$OUT/http-guarded.jfr" > "$OUT/http-guarded-samples.txt"
  fi
  fi
  kill $APP_PID 2>/dev/null || true
  wait $APP_PID 2>/dev/null || true
  trap - EXIT
else
  echo "wrk is not installed and could not be: the HTTP comparison is skipped" | tee "$OUT/http-skipped.txt"
fi

# --- 6. list filtering: PermissionFilters against no filter, objectIds + IN and @PostFilter ------
# (H2, then PostgreSQL with its plans, under /tmp/pm-servers.lock; writes benchmarks/FILTERING.md)
if phase filter; then
  FILTER_OUT="$OUT" FILTER_JMH_OPTS="${JMH_OPTS[*]}" BENCH_CP="$BENCH_CP" benchmarks/run-filter.sh \
    || echo "benchmarks/run-filter.sh exited with status $?" >> "$OUT/failures.txt"
fi

# --- 7. the decision point on loopback: remote checks cached and uncached, bulk against single ---
# (PdpBenchmark on the sample app's runtime classpath; writes benchmarks/PDP.md)
if phase pdp; then
  phase_load pdp
  PDP_OUT="$OUT" PDP_JMH_OPTS="${JMH_OPTS[*]}" benchmarks/run-pdp.sh \
    || echo "benchmarks/run-pdp.sh exited with status $?" >> "$OUT/failures.txt"
fi

# --- profiles of the cases that miss a target -----------------------------------------------------
# --- 5. cross-instance propagation: a revoke on one instance, denied on the others -------------
# (TwoInstancesTests on this machine's PostgreSQL, MariaDB and Redis: poll, PostgreSQL push, Redis
# push; p50/p99/max over 200 revokes each, and the storm across three instances). The cost the
# follower adds to a cached check is FollowerCostBenchmark in the engine phase (sync=poll vs none).
# The suite uses the shared PostgreSQL, MariaDB and Redis: it waits for the lock other test runs of this
# machine take, for 2 minutes at most (a run holding that lock may be waiting for the benchmark lock this
# script holds), then it is skipped and says so
if phase propagation; then
  phase_load propagation
  echo "Cross-instance propagation (TwoInstancesTests)"
  flock -w 120 /tmp/pm-servers.lock ./mvnw -B -q -pl autoconfigure test -Dtest=TwoInstancesTests \
    -Dsurefire.failIfNoSpecifiedTests=false > "$OUT/propagation.log" 2>&1 \
    || echo "TwoInstancesTests exited with status $? (or the server lock was not free within 2 minutes)" >> "$OUT/failures.txt"
  grep -hE 'Cross-instance propagation|Storm across instances|SKIPPED' "$OUT/propagation.log" \
    | sed 's/^/  /' | tee "$OUT/propagation.txt" || true
fi

if [ -n "$ONLY" ]; then
  echo "finished=$(date -u '+%Y-%m-%d %H:%M:%S UTC')" >> "$OUT/machine.properties"
  echo "loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.properties"
  if [ "$ONLY" = http ]; then
    python3 benchmarks/report.py http "$OUT" | tee "$OUT/http.md"
  fi
  echo "Phase $ONLY alone: raw output in $OUT (RESULTS.md and README.md unchanged)"
  exit 0
fi

python3 benchmarks/report.py misses "$OUT" > "$OUT/misses.txt"
while IFS='|' read -r name regex params; do
  [ -z "$name" ] && continue
  phase_load "profile-$name"
  echo "Profiling $name (a target was missed): -prof gc -prof jfr"
  # shellcheck disable=SC2086
  java -cp "$BENCH_CP" org.openjdk.jmh.Main "$regex" $params -f 1 -wi 2 -w 1s -i 3 -r 1s -foe true \
    -prof gc -prof "jfr:dir=$OUT/jfr-$name;stackDepth=256" > "$OUT/profile-$name.txt" 2>&1 || true
  jfr_file=$(find "$OUT/jfr-$name" -name '*.jfr' 2>/dev/null | head -n 1 || true)
  if [ -n "$jfr_file" ]; then
    jfr print --events jdk.ExecutionSample --stack-depth 256 "$jfr_file" > "$OUT/profile-$name-samples.txt"
  fi
done < "$OUT/misses.txt"

echo "finished=$(date -u '+%Y-%m-%d %H:%M:%S UTC')" >> "$OUT/machine.properties"
echo "loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.properties"
OTHER="$ROOT/benchmarks/target/results-quick"
[ "$MODE" = quick ] && OTHER="$ROOT/benchmarks/target/results"
python3 benchmarks/report.py write "$OUT" benchmarks/RESULTS.md "$OTHER"
python3 benchmarks/report.py readme "$OUT" > "$OUT/README-performance.md"
python3 benchmarks/update-readme.py "$OUT/README-performance.md" README.md
echo "Wrote benchmarks/RESULTS.md, benchmarks/FILTERING.md and the Performance section of README.md"

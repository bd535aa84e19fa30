#!/usr/bin/env bash
# CPU time per request of the HTTP benchmark app, guarded against unguarded, alternating.
#
# Throughput under wrk moves by +-10 % from one run to the next when the machine is shared;
# the CPU time the app's request threads spend per request moves much less, because time
# spent waiting for a core is not counted. Start HttpBenchmarkApplication as run.sh's "4. HTTP"
# phase does (any port), then:
#
#   benchmarks/http-cpu.sh <app pid> <port> [seconds per run, 8] [rounds, 3]
#
# Prints, for each run, the requests wrk completed and the CPU microseconds per request of the
# app's request threads (Tomcat's http-nio threads, from /proc/<pid>/task/*/stat) and of the
# whole process (JIT, GC and the change follower included).
set -euo pipefail
PID=$1
PORT=$2
SECS=${3:-8}
ROUNDS=${4:-3}
AUTH="Authorization: Basic $(printf 'alice:alice' | base64)"
HZ=$(getconf CLK_TCK)

request_threads_ticks() {
  local total=0 task fields
  for task in /proc/"$PID"/task/*; do
    if grep -q '^http-nio' "$task/comm" 2>/dev/null; then
      # fields after the command name: state is 1st, utime 12th, stime 13th
      read -r -a fields <<< "$(cut -d')' -f2 "$task/stat")"
      total=$((total + fields[11] + fields[12]))
    fi
  done
  echo "$total"
}

process_ticks() {
  local fields
  read -r -a fields <<< "$(cut -d')' -f2 /proc/"$PID"/stat)"
  echo $((fields[11] + fields[12]))
}

for round in $(seq 1 "$ROUNDS"); do
  for side in guarded unguarded; do
    path=/events/1/tracks
    [ $side = unguarded ] && path=/unguarded/events/1/tracks
    t0=$(request_threads_ticks)
    p0=$(process_ticks)
    requests=$(wrk -t2 -c16 -d"${SECS}s" -H "$AUTH" "http://127.0.0.1:$PORT$path" \
      | grep -o '[0-9]* requests in' | cut -d' ' -f1)
    t1=$(request_threads_ticks)
    p1=$(process_ticks)
    awk -v r="$round" -v s="$side" -v n="$requests" -v t=$((t1 - t0)) -v p=$((p1 - p0)) -v hz="$HZ" \
      -v avg="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
        printf "round %d %-9s requests %7d  request threads %5.1f us/request  process %5.1f us/request  load %s\n",
          r, s, n, t * 1e6 / hz / n, p * 1e6 / hz / n, avg }'
  done
done

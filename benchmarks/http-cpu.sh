#!/usr/bin/env bash
# CPU time per request of the HTTP benchmark app, guarded against unguarded, alternating.
#
# Throughput under wrk moves by +-10 % from one run to the next when the machine is shared;
# the CPU time the app's request threads spend per request moves much less, because time
# spent waiting for a core is not counted. run.sh's "4. HTTP" phase records both for every
# run (benchmarks/http-measure.sh); this script does it alone against an app already started
# as that phase does (any port):
#
#   benchmarks/http-cpu.sh <app pid> <port> [seconds per run, 8] [rounds, 3]
#
# Prints, for each run, the requests wrk completed and the CPU microseconds per request of the
# app's request threads (Tomcat's http-nio threads, from /proc/<pid>/task/*/stat) and of the
# whole process (JIT, GC and the change follower included).
set -euo pipefail
. "$(dirname "$0")/http-measure.sh"
PID=$1
PORT=$2
SECS=${3:-8}
ROUNDS=${4:-3}
WRK_OUT=$(mktemp)
trap 'rm -f "$WRK_OUT"' EXIT

for round in $(seq 1 "$ROUNDS"); do
  for side in guarded unguarded; do
    path=/events/1/tracks
    [ $side = unguarded ] && path=/unguarded/events/1/tracks
    printf 'round %d %-9s %s\n' "$round" "$side" "$(measured_wrk "$PID" "http://127.0.0.1:$PORT$path" "$SECS" "$WRK_OUT")"
  done
done

#!/usr/bin/env bash
# Load run of the sample app (docs/RELIABILITY.md): the app on loopback under wrk for 60 s with
# a mix of allowed and denied calls. Passes when wrk saw no socket error or timeout, every
# response had the status the demo grants give, a curl sampler saw only correct decisions
# during the run, and the decision cache held no more snapshots than its maximum size.
# Not part of ./mvnw verify. Usage: sample-app/src/test/load/wrk-load.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../../../.."
DURATION="${1:-60}"
PORT="${PORT:-18089}"
CACHE_MAX="${CACHE_MAX:-1000}"
HERE=sample-app/src/test/load
OUT=sample-app/target/load
mkdir -p "$OUT"

if ! command -v wrk >/dev/null 2>&1; then
	echo "wrk is missing; installing the Debian package"
	if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq wrk; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk; fi
fi

echo "Building the sample app and its classpath"
./mvnw -B -q -o -pl sample-app -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
	|| ./mvnw -B -q -pl sample-app -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="sample-app/target/classes:autoconfigure/target/classes:$(cat sample-app/target/classpath.txt)"

echo "Starting the sample app on 127.0.0.1:$PORT (heap 256 MB, cache maximum size $CACHE_MAX)"
java -Xmx256m -cp "$CP" io.github.permissionmanager.sample.SampleApplication --server.port="$PORT" \
	--server.address=127.0.0.1 --permission-manager.cache.maximum-size="$CACHE_MAX" \
	--logging.level.root=warn --spring.jackson.serialization.indent-output=false > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
	curl -s -o /dev/null "http://127.0.0.1:$PORT/events/1/sessions" && break
	sleep 1
done

status() { curl -s -o /dev/null -w '%{http_code}' -u "$1:$1" "http://127.0.0.1:$PORT$2"; }
sample() {
	local wrong=0 total=0
	while [ -e "$OUT/sampling" ]; do
		for check in "bob /events/1 200" "bob /events/2 403" "dave /events/1 403" "erin /events/2/tracks 200" \
			"carol /events/1/tracks 403" "alice /events/1/sessions/4 404"; do
			set -- $check
			total=$((total + 1))
			[ "$(status "$1" "$2")" = "$3" ] || { wrong=$((wrong + 1)); echo "sampler: $1 $2 answered $(status "$1" "$2"), expected $3"; }
		done
		sleep 0.5
	done
	echo "SAMPLER checked=$total wrong=$wrong"
}

echo "Warming up for 10 s"
wrk -t2 -c2 -d10s -s "$HERE/mixed.lua" "http://127.0.0.1:$PORT" > /dev/null
touch "$OUT/sampling"
sample > "$OUT/sampler.txt" &
SAMPLER=$!
echo "Running wrk for $DURATION s"
wrk -t4 -c4 -d"${DURATION}s" --latency -s "$HERE/mixed.lua" "http://127.0.0.1:$PORT" | tee "$OUT/wrk.txt"
rm -f "$OUT/sampling"
wait "$SAMPLER"
cat "$OUT/sampler.txt"

jcmd "$APP" GC.run > /dev/null
SNAPSHOTS=$(jcmd "$APP" GC.class_histogram | awk '$4 == "io.github.permissionmanager.decide.GrantSnapshot" { print $2 }')
SNAPSHOTS=${SNAPSHOTS:-0}
HEAP=$(jcmd "$APP" GC.heap_info | head -n 3)
RSS=$(awk '/VmRSS/ { print $2 " " $3 }' "/proc/$APP/status")
echo "MEMORY live GrantSnapshot objects=$SNAPSHOTS (cache maximum size $CACHE_MAX), RSS=$RSS"
echo "$HEAP"

WRONG=$(awk '/^LOAD requests/ { for (i = 1; i <= NF; i++) if ($i ~ /^(wrong|socket_errors|timeouts)=/) { split($i, kv, "="); s += kv[2] } } END { print s + 0 }' "$OUT/wrk.txt")
SAMPLED_WRONG=$(awk -F'wrong=' '/^SAMPLER/ { print $2 }' "$OUT/sampler.txt")
if [ "$WRONG" -ne 0 ] || [ "${SAMPLED_WRONG:-1}" -ne 0 ] || [ "$SNAPSHOTS" -gt "$CACHE_MAX" ]; then
	echo "LOAD RUN FAILED"
	exit 1
fi
echo "LOAD RUN PASSED"

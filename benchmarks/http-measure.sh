# Sourced by benchmarks/run.sh (phase "4. HTTP") and benchmarks/http-cpu.sh: one wrk run against
# HttpBenchmarkApplication with the CPU time the app spent on it.
#
# Throughput under wrk on the app's own cores moves by +-10 % from one run to the next; the CPU
# time the app's request threads spend per request moves much less, because time spent waiting
# for a core is not counted. Both are taken around the same run.

# CPU ticks of the app's request threads (Tomcat's http-nio threads, from /proc/<pid>/task/*/stat)
request_threads_ticks() {
  local total=0 task fields
  for task in /proc/"$1"/task/*; do
    if grep -q '^http-nio' "$task/comm" 2>/dev/null; then
      # fields after the command name: state is 1st, utime 12th, stime 13th
      read -r -a fields <<< "$(cut -d')' -f2 "$task/stat")"
      total=$((total + fields[11] + fields[12]))
    fi
  done
  echo "$total"
}

# CPU ticks of the whole process (JIT, GC and the change follower included)
process_ticks() {
  local fields
  read -r -a fields <<< "$(cut -d')' -f2 /proc/"$1"/stat)"
  echo $((fields[11] + fields[12]))
}

# measured_wrk <pid> <url> <seconds> <wrk output file> [more wrk options...]
# Runs wrk -t2 -c16 as alice, keeps its output in the file, and prints one line:
#   requests=<n> rps=<requests/s> cpu_us=<request threads' us/request> process_us=<process us/request> load=<1 min>
measured_wrk() {
  local pid=$1 url=$2 secs=$3 out=$4
  shift 4
  local hz t0 p0 t1 p1 requests rps
  hz=$(getconf CLK_TCK)
  t0=$(request_threads_ticks "$pid")
  p0=$(process_ticks "$pid")
  wrk -t2 -c16 -d"${secs}s" "$@" -H "Authorization: Basic $(printf 'alice:alice' | base64)" "$url" > "$out"
  t1=$(request_threads_ticks "$pid")
  p1=$(process_ticks "$pid")
  requests=$(grep -o '[0-9]* requests in' "$out" | cut -d' ' -f1)
  rps=$(grep -o 'Requests/sec: *[0-9.]*' "$out" | grep -o '[0-9.]*$')
  awk -v n="$requests" -v rps="$rps" -v t=$((t1 - t0)) -v p=$((p1 - p0)) -v hz="$hz" \
    -v avg="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
      printf "requests=%d rps=%.0f cpu_us=%.1f process_us=%.1f load=%s\n",
        n, rps, t * 1e6 / hz / (n > 0 ? n : 1), p * 1e6 / hz / (n > 0 ? n : 1), avg }'
}

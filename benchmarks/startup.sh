#!/usr/bin/env bash
# Time to ready of the all-in-one process started by ./run-all-in-one.sh itself (extracted jar, CDS archive, its JVM
# options or JAVA_OPTS), on a fresh data dir each time; the launcher is told not to look for changes
# (FULFILLMENT_BUILD=never), so what is timed is the start. Ready = the backends (127.0.0.1:8081) and the gateway
# (:8080) both answer /actuator/health with 200. Run ./run-all-in-one.sh once first (it builds the jar and trains the
# archive), and nothing else on ports 8080/8081.
#
#   benchmarks/startup.sh [runs]        e.g. benchmarks/startup.sh 5
set -euo pipefail
cd "$(dirname "$0")/.."
launch=all-in-one/target/launch
[[ -f $launch/all-in-one-exec.jar ]] || { echo "run ./run-all-in-one.sh once first" >&2; exit 1; }

healthy() { [[ $(curl -s -o /dev/null -w '%{http_code}' "$1/actuator/health" || true) == 200 ]]; }

for run in $(seq 1 "${1:-3}"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  FULFILLMENT_BUILD=never ./run-all-in-one.sh --fulfillment.data-dir="$data" > "$data/app.log" 2>&1 &
  pid=$!
  until healthy http://127.0.0.1:8081 && healthy http://127.0.0.1:8080; do
    kill -0 "$pid" 2> /dev/null || { echo "the process died, see $data/app.log" >&2; exit 1; }
    sleep 0.05
  done
  ready_ms=$((($(date +%s%N) - start) / 1000000))
  echo "run $run: ready in ${ready_ms} ms (JAVA_OPTS: ${JAVA_OPTS:-none, the launcher default})"
  kill "$pid"
  wait "$pid" 2> /dev/null || true
  rm -rf "$data"
done

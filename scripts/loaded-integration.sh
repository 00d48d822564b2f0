#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The integration tier under CPU load (issue 15's load test): busy-loop
# processes run beside it, so every QEMU guest and every kiln command gets a
# fraction of a core, and the tier must give the same result as on a quiet
# machine. KILN_LOAD_BURNERS sets how many (default: two per core); extra
# arguments go to tap. The burners are this script's children and end with it.
set -euo pipefail
cd "$(dirname "$0")/.."

burners=${KILN_LOAD_BURNERS:-$((2 * $(nproc)))}
pids=()
stop_burners() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_burners EXIT
for ((i = 0; i < burners; i++)); do
  node -e 'for (;;) {}' &
  pids+=("$!")
done
sleep 5
printf 'load test: %d CPU burners beside the integration tier, load average %s\n' "$burners" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
started=$(date +%s)
status=0
bash scripts/test.sh 'test/integration/**/*.test.ts' "$@" || status=$?
printf 'load test: integration tier exit %d after %d s, load average %s\n' "$status" "$(($(date +%s) - started))" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
exit "$status"

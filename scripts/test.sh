#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The test suite with tap (arguments go to tap: file globs, --grep...).
# Every image the integration tier builds compiles Kiln's libraries and the
# upstream sources the same way, so the run shares those objects through one
# compile cache of its own (kiln build --cache, via KILN_CACHE), made empty
# here and removed at the end: the first build of each object compiles, the
# others reuse it byte for byte. Tests that must compile everything
# themselves (reproducibility) clear KILN_CACHE. A KILN_CACHE already set,
# even empty, is kept as it is. KILN_TEST_DEPTH=long (npm run test:long)
# adds the integration tier's long forms (test/helpers/depth.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${KILN_CACHE+set}" ]; then
  cache=$(mktemp -d "${TMPDIR:-/tmp}/kiln-test-cache-XXXXXX")
  trap 'rm -rf "$cache"' EXIT
  export KILN_CACHE="$cache"
fi
# tap builds the plugin set package.json names (without @tapjs/typescript:
# tsx loads the tests) on its first run, but that first run still loads the
# default set, whose ts-node then compiles the user programs the tests load:
# build it first, so a fresh clone runs as every later run does.
npx tap build > /dev/null
# tap's default leaves a core free (one job on two cores); the integration
# tier's files spend much of their time in one QEMU thread, waiting on a
# guest or on a single link, so a job per core keeps both busy.
jobs=${KILN_TEST_JOBS:-$(nproc)}
status=0
npx tap --jobs="$jobs" "$@" || status=$?
if [ -n "${KILN_CACHE:-}" ] && command -v ccache > /dev/null; then
  CCACHE_DIR="$KILN_CACHE" ccache --show-stats 2>/dev/null | sed -n 's/^ *\(Hits\|Misses\): */test suite compile cache: \1 /p' >&2 || true
fi
exit "$status"

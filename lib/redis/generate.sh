#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Redis's src/ as its makefile compiles it, less the two headers that
# describe the host Redis is built on: src/config.h (what the platform
# has, decided from __linux__ and friends) and src/fmacros.h (the feature
# macros), whose places lib/redis/include/config.h and fmacros.h take for
# Kiln. They cannot be overridden by the include path alone: a quoted
# #include looks first in the including file's own folder. The makefile's
# src/release.h (made by mkreleasehdr.sh from git) is Kiln's too. No file
# is changed. Called by Kiln with UPSTREAM (the unpacked source) and OUT
# (an empty folder, also the working directory).
set -eu
: "${UPSTREAM:?}" "${OUT:?}"
mkdir -p "$OUT/src"
for f in "$UPSTREAM"/src/*.c "$UPSTREAM"/src/*.h; do
	case "${f##*/}" in
	config.h | fmacros.h | release.h) ;;
	*) cp "$f" "$OUT/src/" ;;
	esac
done

#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Generates what SQLite's own makefile (main.mk) generates before it
# compiles the separate sources, with the tools the upstream tree carries:
#
#   parse.c, parse.h   the SQL grammar (src/parse.y) through lemon
#   opcodes.h          VDBE opcode numbers (tool/mkopcodeh.tcl)
#   opcodes.c          their names (tool/mkopcodec.tcl)
#   keywordhash.h      the keyword lookup table (tool/mkkeywordhash.c)
#   sqlite3.h          the public header from src/sqlite.h.in (tool/mksqlite3h.tcl)
#   fts5.c             FTS5 as one source, its parser (ext/fts5/fts5parse.y)
#                      through lemon first (ext/fts5/tool/mkfts5c.tcl), as
#                      main.mk makes it
#
# No compile-time options are given to lemon or mkkeywordhash: Kiln's
# SQLite omits no SQL feature, so the grammar and keywords are upstream's
# defaults. Called by Kiln with UPSTREAM (the unpacked source) and OUT
# (an empty folder, also the working directory).
set -eu
: "${UPSTREAM:?}" "${OUT:?}"
cc=${HOST_CC:-cc}
tools=$OUT/.tools
mkdir -p "$tools"
cd "$tools"

# Host tools, built as main.mk builds them (with the host compiler, BCC).
$cc -O1 -o lemon "$UPSTREAM/tool/lemon.c"
$cc -O1 -o mkkeywordhash "$UPSTREAM/tool/mkkeywordhash.c"
$cc -O1 -o mksourceid "$UPSTREAM/tool/mksourceid.c"

# lemon reads its parser template from the working directory first.
cp "$UPSTREAM/tool/lempar.c" "$UPSTREAM/src/parse.y" .
./lemon -s parse.y >/dev/null
cat parse.h "$UPSTREAM/src/vdbe.c" | tclsh "$UPSTREAM/tool/mkopcodeh.tcl" >opcodes.h
tclsh "$UPSTREAM/tool/mkopcodec.tcl" opcodes.h >opcodes.c
./mkkeywordhash >keywordhash.h
# mksqlite3h.tcl runs ./mksourceid from the working directory it was started in.
tclsh "$UPSTREAM/tool/mksqlite3h.tcl" "$UPSTREAM" >sqlite3.h
# mkfts5c.tcl reads fts5parse.c and fts5parse.h from the working directory.
cp "$UPSTREAM/ext/fts5/fts5parse.y" .
./lemon fts5parse.y >/dev/null
tclsh "$UPSTREAM/ext/fts5/tool/mkfts5c.tcl"

mv parse.c parse.h opcodes.c opcodes.h keywordhash.h sqlite3.h fts5.c "$OUT/"
cd "$OUT"
rm -rf "$tools"

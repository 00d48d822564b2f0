/* SPDX-License-Identifier: MIT */
/*
 * The Lua application: the upstream standalone interpreter, lua.c from
 * Debian's lua5.4 source, compiled unmodified.
 *
 * lua.c defines main(); it is compiled here under another name so that
 * this file's main() can hand it the arguments image.ts gave the process
 * (the boot sequence calls main() without them).
 */
#define main kiln_lua_interpreter
#include <lua.c> /* upstream/src of liblua, on the include path */
#undef main

#include <kiln/process.h>

int main(int argc, char **argv)
{
	kiln_process_args(&argc, &argv);
	return kiln_lua_interpreter(argc, argv);
}

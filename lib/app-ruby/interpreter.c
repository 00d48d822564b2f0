/* SPDX-License-Identifier: MIT */
/*
 * The Ruby application: mruby's command line, mruby.c from Debian's mruby
 * source (the mruby-bin-mruby gem), compiled unmodified.
 *
 * mruby.c defines main(); it is compiled here under another name so that
 * this file's main() can hand it the arguments image.ts gave the process
 * (the boot sequence calls main() without them). Like every mruby source
 * it sees the build's defines first.
 */
#include <kiln/mruby_config.h>
#define main kiln_mruby_interpreter
#include <mrbgems/mruby-bin-mruby/tools/mruby/mruby.c> /* the upstream tree's root is on libmruby's include path */
#undef main

#include <kiln/process.h>

int main(int argc, char **argv)
{
	kiln_process_args(&argc, &argv);
	return kiln_mruby_interpreter(argc, argv);
}

/* SPDX-License-Identifier: MIT */
/*
 * The process's arguments, as image.ts gave them.
 *
 * The boot sequence calls main() before anything else could look at
 * them; an application that wants them asks here. The generated args.c
 * of the image (kiln synth writes it) defines the data behind it.
 */
#ifndef KILN_PROCESS_H
#define KILN_PROCESS_H

/**
 * kiln_process_args() - main()'s argument vector from image.ts.
 * @argc: set to the number of arguments
 * @argv: set to them, argv[0] first, NULL-terminated, writable
 */
void kiln_process_args(int *argc, char ***argv);

/** The generated argument vector and environment (NULL-terminated), for the process library. */
extern char *kiln_process_argv[];
extern char *kiln_process_envp[];

#endif /* KILN_PROCESS_H */

/* SPDX-License-Identifier: MIT */
/*
 * Private to lib/cxxrt: how the runtime ends an image that C++ cannot
 * continue (a pure virtual call, memory exhausted without exceptions, a
 * throw without exceptions, a recursive static initialisation).
 */
#ifndef KILN_CXXRT_PRIVATE_H
#define KILN_CXXRT_PRIVATE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The status abort() ends a process with, as a shell reports it: 128 + SIGABRT. */
#define KILN_CXXRT_ABORT_STATUS 134

/**
 * kiln_cxxrt_fail() - report why C++ cannot go on, and end the image.
 * @what: what happened, e.g. "pure virtual function called"
 * @detail: more about it (an exception's message), or NULL
 *
 * Printed with the console's helpers, not printf: the C library's state
 * may be what broke. Ends with KILN_CXXRT_ABORT_STATUS.
 */
void kiln_cxxrt_fail(const char *what, const char *detail) __attribute__((noreturn));

/**
 * kiln_cxxrt_out_of_memory() - end the image because operator new got no memory.
 * @size: the bytes asked for
 */
void kiln_cxxrt_out_of_memory(size_t size) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif

#endif /* KILN_CXXRT_PRIVATE_H */

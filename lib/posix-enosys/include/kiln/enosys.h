/* SPDX-License-Identifier: MIT */
/*
 * Failing a call Kiln does not implement. Libraries that provide a call
 * only in some configurations fail the others through this, so the
 * console and the build report say the same thing.
 */
#ifndef KILN_ENOSYS_H
#define KILN_ENOSYS_H

/**
 * kiln_enosys() - the call @name is not implemented.
 *
 * Sets errno to ENOSYS and, with LIBPOSIX_ENOSYS_WARN, says so on the
 * console the first time @name comes through (by pointer: pass a string
 * literal).
 *
 * Return: -1, the usual failure value of a POSIX call.
 */
int kiln_enosys(const char *name);

/** KILN_ENOSYS_SECTION - where fallbacks go, so the build report can tell them from implementations. */
#define KILN_ENOSYS_SECTION(name) __attribute__((weak, noinline, section(".text.kiln_enosys." name)))

#endif /* KILN_ENOSYS_H */

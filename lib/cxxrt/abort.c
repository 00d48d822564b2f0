/* SPDX-License-Identifier: MIT */
/*
 * abort() for a C++ image without the POSIX process layer: std::terminate()
 * and libstdc++'s headers (std::optional::value() on an empty optional,
 * with exceptions off) call it. picolibc's abort() raises SIGABRT through
 * kill() and getpid(), which only lib/posix-process defines; with that
 * library in the image its abort() is used, signal handlers and all.
 */
#include <stdlib.h>
#include <kiln/libc_hook.h>
#include "cxxrt.h"

KILN_LIBC_HOOK void abort(void)
{
	kiln_cxxrt_fail("abort() called", 0);
}

/* SPDX-License-Identifier: MIT */
/*
 * For C++ only. libstdc++'s threads layer ("gthreads") for glibc is POSIX
 * threads, with glibc's <pthread.h> and its extensions; Kiln's images
 * have no such header, and most have no threads at all. Found before
 * libstdc++'s own bits/gthr-default.h, this selects libstdc++'s
 * single-threaded layer instead: mutexes in the library's headers do
 * nothing, shared_ptr counts without atomics. Under Kiln's cooperative
 * scheduler that is still correct (a thread runs until it blocks), but
 * std::thread, std::mutex and <condition_variable> are not available.
 */
#include <bits/gthr-single.h>

/* SPDX-License-Identifier: MIT */
/*
 * hdr_histogram as deps/hdr_histogram/Makefile compiles it for Redis:
 * allocating through zmalloc (HDR_MALLOC_INCLUDE), so that its memory is
 * counted in Redis's used_memory.
 */
#define HDR_MALLOC_INCLUDE "hdr_redis_malloc.h"
#include "hdr_histogram.c"

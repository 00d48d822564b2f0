/* SPDX-License-Identifier: MIT */
/*
 * What libstdc++ and libgcc's unwinder ask of the C library. Both
 * archives were built for glibc (Debian's cross toolchain), so they call
 * a few glibc functions picolibc does not have: each is small, and
 * defined here for the one static image. Images without C++ exceptions
 * need them too: libstdc++'s string and container members were compiled
 * with exceptions, and their catch blocks reach the unwinder.
 */
#include <stddef.h>
#include <kiln/arm64/sections.h>
#include <kiln/libc_hook.h>

/*
 * The unwind tables' index (.eh_frame_hdr), which the linker script
 * keeps for images with exceptions; empty without (start == end).
 */
extern char __eh_frame_hdr_start[];
extern char __eh_frame_hdr_end[];

/*
 * glibc 2.35's struct dl_find_object (<dlfcn.h>), as AArch64 lays it out
 * (no data base, no entry count).
 */
struct dl_find_object {
	unsigned long long dlfo_flags;
	void *dlfo_map_start;
	void *dlfo_map_end;
	struct link_map *dlfo_link_map;
	void *dlfo_eh_frame;
	unsigned long long reserved[7];
};

/**
 * _dl_find_object() - the object holding @pc, for the unwinder.
 * @pc: a code address being unwound
 * @result: filled in when found
 *
 * libgcc's unwinder asks this (glibc 2.35 and later) for the unwind
 * index of the object a frame's code is in. A Kiln image is one object:
 * its code from __image_start to __text_end, its index at
 * __eh_frame_hdr_start.
 *
 * Return: 0 when @pc is in the image's code and the image has unwind
 * tables, -1 otherwise (the exception then ends in std::terminate()).
 */
KILN_LIBC_HOOK int _dl_find_object(void *pc, struct dl_find_object *result)
{
	if (__eh_frame_hdr_start == __eh_frame_hdr_end)
		return -1;
	if ((char *)pc < __image_start || (char *)pc >= __text_end)
		return -1;
	*result = (struct dl_find_object){
		.dlfo_map_start = __image_start,
		.dlfo_map_end = __text_end,
		.dlfo_eh_frame = __eh_frame_hdr_start,
	};
	return 0;
}

/* libstdc++ translates its exception messages through gettext(): there is one language here. */
KILN_LIBC_HOOK char *gettext(const char *msgid)
{
	return (char *)msgid;
}

/*
 * glibc 2.32's flag that lets libstdc++ count references without atomic
 * instructions: threads in Kiln are cooperative (no thread is stopped in
 * the middle of an update), so it may.
 */
KILN_LIBC_HOOK char __libc_single_threaded = 1;

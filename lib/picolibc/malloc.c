/* SPDX-License-Identifier: MIT */
/*
 * picolibc glue: the malloc family on Kiln's allocator API.
 *
 * Every entry point picolibc's own allocator defines is defined here, so
 * no member of its malloc is pulled from libc.a (the link would fail on
 * a duplicate symbol if one were). Errors set errno as C and POSIX say.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <kiln/alloc.h>
#include <kiln/libc_hook.h>

#define PAGE 4096u

KILN_LIBC_HOOK void *malloc(size_t size)
{
	void *p = kiln_malloc(size);

	if (!p)
		errno = ENOMEM;
	return p;
}

KILN_LIBC_HOOK void free(void *p)
{
	kiln_free(p);
}

KILN_LIBC_HOOK void *calloc(size_t n, size_t size)
{
	void *p = kiln_calloc(n, size);

	if (!p)
		errno = ENOMEM;
	return p;
}

KILN_LIBC_HOOK void *realloc(void *p, size_t size)
{
	void *q = kiln_realloc(p, size);

	if (!q && size)
		errno = ENOMEM;
	return q;
}

KILN_LIBC_HOOK void *memalign(size_t align, size_t size)
{
	void *p;

	if (!align || (align & (align - 1))) {
		errno = EINVAL;
		return 0;
	}
	p = kiln_memalign(align, size);
	if (!p)
		errno = ENOMEM;
	return p;
}

KILN_LIBC_HOOK void *aligned_alloc(size_t align, size_t size)
{
	return memalign(align, size);
}

KILN_LIBC_HOOK int posix_memalign(void **out, size_t align, size_t size)
{
	void *p;

	/* POSIX: a power of two multiple of sizeof(void *); errno is left alone. */
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	p = kiln_memalign(align, size);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}

KILN_LIBC_HOOK void *valloc(size_t size)
{
	return memalign(PAGE, size);
}

KILN_LIBC_HOOK void *pvalloc(size_t size)
{
	if (size > SIZE_MAX - PAGE) {
		errno = ENOMEM;
		return 0;
	}
	return memalign(PAGE, (size + PAGE - 1) & ~(size_t)(PAGE - 1));
}

KILN_LIBC_HOOK size_t malloc_usable_size(void *p)
{
	return kiln_usable_size(p);
}

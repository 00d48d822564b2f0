/* SPDX-License-Identifier: MIT */
/*
 * The C++ ABI's small functions (Itanium C++ ABI, which AArch64 follows):
 * destructors of static objects (__cxa_atexit, __dso_handle), pure and
 * deleted virtual calls, and how the runtime ends an image.
 *
 * Global constructors need nothing here: the compiler lists them in
 * .init_array, which the boot library runs (picolibc's
 * __libc_init_array()) once the init table is done, before main().
 * exit() runs the handlers registered here, then .fini_array.
 */
#include <stdlib.h>
#include <kiln/alloc.h>
#include <kiln/console.h>
#include <kiln/exit.h>
#include <kiln/libc_hook.h>
#include "cxxrt.h"

/*
 * Identifies this "shared object" (the whole image) to __cxa_atexit();
 * crtbegin.o would define it, but images link without the C runtime's
 * start files.
 */
KILN_LIBC_HOOK void *__dso_handle = &__dso_handle;

void kiln_cxxrt_fail(const char *what, const char *detail)
{
	kiln_console_puts("kiln: c++: ");
	kiln_console_puts(what);
	if (detail) {
		kiln_console_puts(": ");
		kiln_console_puts(detail);
	}
	kiln_console_puts("\nkiln: c++: exiting with status ");
	kiln_console_put_dec(KILN_CXXRT_ABORT_STATUS);
	kiln_console_puts("\n");
	kiln_platform_exit(KILN_CXXRT_ABORT_STATUS);
}

void kiln_cxxrt_out_of_memory(size_t size)
{
	kiln_console_puts("kiln: c++: operator new: out of memory for ");
	kiln_console_put_dec(size);
	kiln_console_puts(" bytes\n");
	kiln_cxxrt_fail("out of memory", 0);
}

/* A call through a vtable slot of a pure virtual function: an object used during its construction or destruction. */
KILN_LIBC_HOOK void __cxa_pure_virtual(void)
{
	kiln_cxxrt_fail("pure virtual function called", 0);
}

/* A call through a vtable slot of a deleted virtual function (only reachable by undefined behaviour). */
KILN_LIBC_HOOK void __cxa_deleted_virtual(void)
{
	kiln_cxxrt_fail("deleted virtual function called", 0);
}

/*
 * Destructors of static objects, in the order they were registered (a
 * static object registers its destructor once constructed). The first
 * block is static, so the objects constructed before main() need no
 * allocator; later blocks come from the allocator, so there is no fixed
 * limit (picolibc's own __cxa_atexit() has 32 slots and drops the rest).
 */
#define DTORS_PER_BLOCK 32

struct dtor {
	void (*fn)(void *);
	void *arg;
};

struct dtor_block {
	struct dtor_block *older;
	unsigned int used;
	struct dtor dtors[DTORS_PER_BLOCK];
};

static struct dtor_block first_block;
static struct dtor_block *newest;

/* Runs every registered destructor, newest first; exit() calls it (registered with atexit() once). */
static void run_dtors(void)
{
	while (newest) {
		struct dtor_block *b = newest;

		while (b->used) {
			struct dtor d = b->dtors[--b->used];

			d.fn(d.arg);
		}
		newest = b->older;
		if (b != &first_block)
			kiln_free(b);
	}
}

/**
 * __cxa_atexit() - register the destructor of a static object.
 * @fn: the destructor
 * @arg: the object
 * @dso: the registering module's __dso_handle (one module: the image)
 *
 * The destructors run at exit(), newest first, from one atexit() handler
 * registered with the first of them: C atexit() handlers registered
 * after that run before every C++ destructor (the ABI would interleave
 * them by time of registration).
 *
 * Return: 0, or -1 when no memory is left for the record.
 */
KILN_LIBC_HOOK int __cxa_atexit(void (*fn)(void *), void *arg, void *dso)
{
	(void)dso;
	if (!newest) {
		if (atexit(run_dtors))
			return -1;
		newest = &first_block;
	}
	if (newest->used == DTORS_PER_BLOCK) {
		struct dtor_block *b = kiln_malloc(sizeof(*b));

		if (!b)
			return -1;
		b->older = newest;
		b->used = 0;
		newest = b;
	}
	newest->dtors[newest->used++] = (struct dtor){ fn, arg };
	return 0;
}

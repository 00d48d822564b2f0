/* SPDX-License-Identifier: MIT */
/*
 * The image's layout: every symbol the linker script defines, for C.
 *
 * The script is generated for each image (synth/plan/linker-script.ts);
 * this header is its other half, and lists its symbols in the order the
 * script defines them. Each is declared as an array, so that its name is
 * the address the script gave it. A few are sizes, an offset and an
 * alignment rather than places (noted below): the value is the address,
 * (uintptr_t)__tbss_size, and there is nothing to read there.
 *
 * The layout, low to high:
 *
 *   .text | .rodata | .data .tdata .bss | guard | exception stack | guard | boot stack | free RAM
 *
 * each of the first three classes and each guard page starting on a
 * page. In the file, .rodata and .data follow .text without the page
 * padding; the entry code moves them up (lib/arm64/entry.S).
 *
 * Two symbols have a type of their own and are declared with it where
 * that type is: the bounds of the boot init table, __kiln_init_start and
 * __kiln_init_end, in <kiln/init.h>.
 *
 * Every board selects the arm64 library, so any library may include this.
 */
#ifndef KILN_ARM64_SECTIONS_H
#define KILN_ARM64_SECTIONS_H

/* ---- .text: read-only, executable ---- */

/* First byte of the image: the load address (also .text's start). */
extern char __image_start[];
/* Start of .text: the arm64 Image header if any, then the entry code. */
extern char __text_start[];
/* End of .text's contents, vector table included: where .rodata is stored in the file. */
extern char __text_load_end[];
/* End of .text rounded up to a page: where read-only data starts being mapped. */
extern char __text_end[];

/* ---- .rodata: read-only, never executable ---- */

/* Start of .rodata (page aligned) where it runs. */
extern char __rodata_start[];
/* Constructors, destructors: picolibc's __libc_init_array() and __libc_fini_array() call them. */
extern void (*const __preinit_array_start[])(void);
extern void (*const __preinit_array_end[])(void);
extern void (*const __init_array_start[])(void);
extern void (*const __init_array_end[])(void);
extern void (*const __fini_array_start[])(void);
extern void (*const __fini_array_end[])(void);
/* End of .rodata's contents (16-byte aligned): the end of what the entry code copies. */
extern char __rodata_copy_end[];
/* Where .rodata is stored in the file (right after .text), from where the entry code copies it. */
extern char __rodata_load[];
/* A size, not a place: bytes of .rodata to copy (__rodata_copy_end - __rodata_start). */
extern char __rodata_size[];
/* End of .rodata rounded up to a page: where writable data starts. */
extern char __rodata_end[];

/* ---- .data, .tdata, .bss: read-write, never executable ---- */

/* Start of .data (page aligned): the first writable byte of the image. */
extern char __data_start[];
/* The TLS template's initialized part (.tdata), copied into each thread's TLS block. */
extern char __tdata_start[];
extern char __tdata_end[];
/* End of .tdata (16-byte aligned): the end of what the entry code copies. */
extern char __data_copy_end[];
/* Where .data is stored in the file, from where the entry code copies it. */
extern char __data_load[];
/* A size, not a place: bytes of .data and .tdata to copy (__data_copy_end - __data_start). */
extern char __data_size[];
/* An offset, not a place: where the TLS template's zeroed part (.tbss) starts, from __tdata_start. */
extern char __tbss_offset[];
/* A size, not a place: bytes of .tbss. */
extern char __tbss_size[];
/* An alignment, not a place: what the TLS block needs (at least 16). */
extern char __tls_align[];
/* Start of .bss (64-byte aligned): the entry code zeroes from here. */
extern char __bss_start[];
/* The boot thread's thread control block and TLS block, inside .bss. */
extern char __kiln_tls_area[];
/* End of .bss (16-byte aligned): the end of what the entry code zeroes. */
extern char __bss_end[];

/* ---- stacks, each above an unmapped guard page ---- */

/* Guard page below the exception stack (one page, never mapped). */
extern char __exception_stack_guard[];
/* Exception stack (SP_EL1): bottom and top; it grows down from the top. */
extern char __exception_stack_bottom[];
extern char __exception_stack_top[];
/* Guard page below the boot stack (one page, never mapped). */
extern char __stack_guard[];
/* Boot stack (SP_EL0 of the thread that runs the init table and main()): bottom and top. */
extern char __stack_bottom[];
extern char __stack_top[];

/* ---- after the image ---- */

/* End of the image, stacks included (page aligned). */
extern char __image_end[];
/* The RAM the allocators share: from the image's end (same as __image_end) to the board's RAM end. */
extern char __ram_free_start[];
extern char __ram_end[];

#endif /* KILN_ARM64_SECTIONS_H */

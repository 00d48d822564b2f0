/* SPDX-License-Identifier: MIT */
/*
 * The MMU: identity-mapped page tables built at boot from the board's
 * memory map (generated) and the image's sections (from the linker
 * script), then changed at run time for guard pages.
 *
 * Device regions are Device-nGnRnE; RAM is Normal write-back cacheable.
 * .text is read-only and executable, .rodata read-only, everything
 * writable is never executable (and SCTLR_EL1.WXN makes the hardware
 * insist). Memory below the image, page 0 included, is not mapped, so a
 * null pointer faults.
 */
#ifndef KILN_ARM64_MMU_H
#define KILN_ARM64_MMU_H

#include <stddef.h>
#include <stdint.h>

/** Page size of the 4 KiB granule. */
#define KILN_PAGE_SIZE 4096u

/**
 * enum kiln_mmu_attr - what a mapped range is.
 * @KILN_MMU_NONE:   not mapped: any access faults (guard pages)
 * @KILN_MMU_DEVICE: MMIO: Device-nGnRnE, read-write, never executable
 * @KILN_MMU_TEXT:   code: Normal cacheable, read-only, executable
 * @KILN_MMU_RODATA: constants: Normal cacheable, read-only, never executable
 * @KILN_MMU_RW:     data: Normal cacheable, read-write, never executable
 */
enum kiln_mmu_attr {
	KILN_MMU_NONE,
	KILN_MMU_DEVICE,
	KILN_MMU_TEXT,
	KILN_MMU_RODATA,
	KILN_MMU_RW,
};

/**
 * struct kiln_mmu_region - one range of the board's memory map.
 * @base: physical (and virtual) start
 * @size: bytes
 * @attr: how to map it
 */
struct kiln_mmu_region {
	uintptr_t base;
	size_t size;
	enum kiln_mmu_attr attr;
};

/*
 * The board's memory map, generated per image in bindings.c: device
 * regions (rounded to 2 MiB where that overlaps nothing else) and the RAM
 * from the image's start to the end of RAM.
 */
extern const struct kiln_mmu_region kiln_board_mmu_regions[];
extern const unsigned int kiln_board_mmu_region_count;

/**
 * kiln_mmu_set() - change how an identity-mapped range is mapped.
 * @base: page-aligned start
 * @size: bytes, a multiple of the page size
 * @attr: the new mapping
 *
 * Splits larger blocks into page tables as needed (tables come from the
 * allocator API) and invalidates the TLB. Safe while the MMU is on.
 *
 * Return: 0, or -1 if a page table could not be allocated.
 */
int kiln_mmu_set(uintptr_t base, size_t size, enum kiln_mmu_attr attr);

/** kiln_mmu_enabled() - whether the boot has turned the MMU on. */
int kiln_mmu_enabled(void);

#endif /* KILN_ARM64_MMU_H */

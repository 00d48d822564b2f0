/* SPDX-License-Identifier: MIT */
/*
 * MMU: identity-mapped stage 1 tables for EL1, 4 KiB granule, walk from
 * level 1 (39-bit addresses). Built at boot from the board's memory map
 * and the image's sections, with the largest blocks each range allows;
 * blocks are split into tables only where permissions change.
 */
#include <errno.h>
#include <stdint.h>
#include <kiln/alloc.h>
#include <kiln/arm64/cache.h>
#include <kiln/arm64/exception.h>
#include <kiln/arm64/mmu.h>
#include <kiln/arm64/sections.h>
#include <kiln/arm64/sysreg.h>
#include <kiln/boot.h>
#include <kiln/init.h>
#include "mmu_regs.h"

static uint64_t *root;
static int mmu_on;

/*
 * Tables written while the caches are off go straight to memory; any stale
 * line the firmware left for those addresses must be dropped before the
 * walker starts reading through the cache.
 */
#define EARLY_TABLES_MAX 32
static uintptr_t early_tables[EARLY_TABLES_MAX];
static unsigned int early_count;

/* Leaf descriptor attributes for each kind of range (type bits added per level). */
static const uint64_t leaf_attrs[] = {
	[KILN_MMU_NONE] = 0,
	[KILN_MMU_DEVICE] = PTE_ATTRIDX(MAIR_IDX_DEVICE) | PTE_AF | PTE_PXN | PTE_UXN,
	[KILN_MMU_TEXT] = PTE_ATTRIDX(MAIR_IDX_NORMAL) | PTE_SH_INNER | PTE_AF | PTE_AP_RO | PTE_UXN,
	[KILN_MMU_RODATA] = PTE_ATTRIDX(MAIR_IDX_NORMAL) | PTE_SH_INNER | PTE_AF | PTE_AP_RO | PTE_PXN | PTE_UXN,
	[KILN_MMU_RW] = PTE_ATTRIDX(MAIR_IDX_NORMAL) | PTE_SH_INNER | PTE_AF | PTE_PXN | PTE_UXN,
};

int kiln_mmu_enabled(void)
{
	return mmu_on;
}

static uint64_t *new_table(void)
{
	uint64_t *table = kiln_memalign(KILN_PAGE_SIZE, KILN_PAGE_SIZE);

	if (!table)
		return 0;
	/* Word stores: the C library's memset goes a byte at a time, slow on uncached memory. */
	for (unsigned int i = 0; i < MMU_ENTRIES; i += 2) {
		table[i] = 0;
		table[i + 1] = 0;
	}
	if (!mmu_on) {
		if (early_count == EARLY_TABLES_MAX)
			kiln_arm64_crash("mmu: too many page tables before the MMU is on");
		early_tables[early_count++] = (uintptr_t)table;
	}
	return table;
}

/*
 * Writes a descriptor. Replacing a valid one while the MMU is on follows
 * break-before-make (Arm ARM D8.16.1): invalid entry, TLB invalidate, new
 * entry. The sequence is one asm statement so that none of our own loads
 * or stores (a stack spill in the range being remapped) lands in the gap.
 */
static void write_entry(uint64_t *entry, uint64_t desc, uintptr_t va)
{
	if (mmu_on && (*entry & PTE_VALID)) {
		__asm__ volatile("str	xzr, [%0]\n\t"
				 "dsb	ishst\n\t"
				 "tlbi	vaae1is, %1\n\t"
				 "dsb	ish\n\t"
				 "str	%2, [%0]\n\t"
				 "dsb	ishst\n\t"
				 "isb"
				 : : "r"(entry), "r"(va >> 12), "r"(desc) : "memory");
	} else {
		*entry = desc;
	}
}

/* The next-level table under *entry, splitting a block into one if needed. */
static uint64_t *subtable(uint64_t *entry, unsigned int level, uintptr_t va)
{
	uint64_t old = *entry;
	uint64_t span = 1ull << MMU_LEVEL_SHIFT(level);
	uint64_t *sub;

	if ((old & PTE_TYPE_MASK) == PTE_TYPE_TABLE)
		return (uint64_t *)(uintptr_t)(old & PTE_ADDR_MASK);
	sub = new_table();
	if (!sub)
		return 0;
	if (old & PTE_VALID) {
		/* The block becomes 512 smaller mappings with the same attributes. */
		uint64_t sub_span = span / MMU_ENTRIES;
		uint64_t type = level + 1 == MMU_LAST_LEVEL ? PTE_TYPE_PAGE : PTE_TYPE_BLOCK;
		uint64_t base = old & PTE_ADDR_MASK & ~(span - 1);

		for (unsigned int i = 0; i < MMU_ENTRIES; i++)
			sub[i] = (base + i * sub_span) | (old & PTE_ATTR_MASK) | type;
	}
	/* The table's contents must be visible to the walker before the table is. */
	__asm__ volatile("dsb ishst" ::: "memory");
	write_entry(entry, (uintptr_t)sub | PTE_TYPE_TABLE, va);
	return sub;
}

static int map(uint64_t *table, unsigned int level, uintptr_t va, uintptr_t end, enum kiln_mmu_attr attr)
{
	unsigned int shift = MMU_LEVEL_SHIFT(level);
	uint64_t span = 1ull << shift;

	while (va < end) {
		uint64_t *entry = &table[(va >> shift) & (MMU_ENTRIES - 1)];
		uintptr_t next = (va & ~(span - 1)) + span;
		uintptr_t stop = end < next ? end : next;

		if ((va & (span - 1)) == 0 && stop == next) {
			/* The range covers the whole entry: one block (or page) does it. */
			uint64_t type = level == MMU_LAST_LEVEL ? PTE_TYPE_PAGE : PTE_TYPE_BLOCK;
			uint64_t desc = attr == KILN_MMU_NONE ? 0 : (va | leaf_attrs[attr] | type);

			if (*entry != desc)
				write_entry(entry, desc, va);
		} else if (attr == KILN_MMU_NONE && !(*entry & PTE_VALID)) {
			/* Already unmapped: nothing to split. */
		} else {
			uint64_t *sub = subtable(entry, level, va);

			if (!sub || map(sub, level + 1, va, stop, attr))
				return -1;
		}
		va = stop;
	}
	return 0;
}

int kiln_mmu_set(uintptr_t base, size_t size, enum kiln_mmu_attr attr)
{
	int status;

	if (!root || (base | size) & (KILN_PAGE_SIZE - 1))
		return -1;
	status = map(root, MMU_FIRST_LEVEL, base, base + size, attr);
	if (mmu_on)
		__asm__ volatile("dsb ishst\n\ttlbi vmalle1is\n\tdsb ish\n\tisb" ::: "memory");
	return status;
}

static void mmu_enable(void)
{
	uint64_t mmfr0, ips, tcr;

	__asm__ volatile("mrs %0, id_aa64mmfr0_el1" : "=r"(mmfr0));
	ips = mmfr0 & ID_MMFR0_PARANGE_MASK;
	if (ips > TCR_IPS_MAX)
		ips = TCR_IPS_MAX;
	tcr = TCR_T0SZ(MMU_VA_BITS) | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER | TCR_TG0_4K |
	      TCR_EPD1 | TCR_TG1_4K | (ips << TCR_IPS_SHIFT);

	/* Everything written so far went to memory with the caches off: drop stale lines. */
	__asm__ volatile("dsb sy" ::: "memory");
	for (unsigned int i = 0; i < early_count; i++)
		kiln_dcache_inval_range(early_tables[i], early_tables[i] + KILN_PAGE_SIZE);
	kiln_dcache_inval_range((uintptr_t)__data_start, (uintptr_t)__image_end);

	__asm__ volatile("msr mair_el1, %0\n\t"
			 "msr tcr_el1, %1\n\t"
			 "msr ttbr0_el1, %2\n\t"
			 "isb\n\t"
			 "tlbi vmalle1\n\t"
			 "dsb nsh\n\t"
			 "ic iallu\n\t"
			 "dsb nsh\n\t"
			 "isb\n\t"
			 "msr sctlr_el1, %3\n\t"
			 "isb"
			 : : "r"((uint64_t)MAIR_VALUE), "r"(tcr), "r"((uintptr_t)root),
			   "r"((uint64_t)SCTLR_EL1_MMU_ON)
			 : "memory");
	mmu_on = 1;
}

/* End of the RAM bank the image runs in, within what the tables can map. */
static uintptr_t ram_end(void)
{
	const struct kiln_machine *m = kiln_machine();
	uint64_t end = m->ram_base + m->ram_size;

	return end > MMU_VA_LIMIT ? (uintptr_t)MMU_VA_LIMIT : (uintptr_t)end;
}

/* Maps [start, end) as @attr; non-zero when a page table could not be had. */
static int range(uintptr_t start, uintptr_t end, enum kiln_mmu_attr attr)
{
	return start < end && map(root, MMU_FIRST_LEVEL, start, end, attr);
}

static int kiln_mmu_init(void)
{
	root = new_table();
	if (!root)
		goto no_memory;
	for (unsigned int i = 0; i < kiln_board_mmu_region_count; i++) {
		const struct kiln_mmu_region *r = &kiln_board_mmu_regions[i];
		uintptr_t end = r->base + r->size;

		/*
		 * The board's one RAM region (from the load address) ends where
		 * the machine's RAM does: the device tree may give more or less
		 * than the board's description, and nothing past the real end
		 * may be mapped as memory.
		 */
		if (r->attr == KILN_MMU_RW)
			end = ram_end();
		if (range(r->base, end, r->attr))
			goto no_memory;
	}
	/* The image's own sections, finer than the board's RAM mapping. */
	if (range((uintptr_t)__text_start, (uintptr_t)__text_end, KILN_MMU_TEXT) ||
	    range((uintptr_t)__rodata_start, (uintptr_t)__rodata_end, KILN_MMU_RODATA) ||
	    range((uintptr_t)__data_start, (uintptr_t)__image_end, KILN_MMU_RW) ||
	    range((uintptr_t)__exception_stack_guard, (uintptr_t)__exception_stack_guard + KILN_PAGE_SIZE, KILN_MMU_NONE) ||
	    range((uintptr_t)__stack_guard, (uintptr_t)__stack_guard + KILN_PAGE_SIZE, KILN_MMU_NONE))
		goto no_memory;
	mmu_enable();
	return 0;

no_memory:
	return kiln_init_fail(-ENOMEM, "mmu: no memory for the page tables");
}

KILN_INIT(kiln_mmu_init, KILN_INIT_MMU);

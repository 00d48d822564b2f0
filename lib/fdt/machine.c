/* SPDX-License-Identifier: MIT */
/*
 * Reads the device tree the loader handed over (x0 at entry, kept by the
 * boot library) into the machine description, in the first init stage:
 * before the allocators take the RAM and the MMU maps it.
 *
 *   RAM       the memory node's bank that holds the image (base, size),
 *             ended early by a reservation (/memreserve/) above the image
 *   timer     the arm,armv8-timer node's clock-frequency, if any
 *   console   /chosen stdout-path's device address, else the serial0
 *             alias's (LIBFDT_CONSOLE)
 *   PSCI      the /psci node's method, hvc or smc (LIBEXIT_PSCI_FROM_DT)
 *
 * Without a device tree (x0 = 0: QEMU's ELF loader, the raspi3b and
 * xlnx-zcu102 machines without -dtb) or with one that does not hold the
 * image, the board's description stays. The blob is not kept: it lies in
 * RAM the heap later takes, so nothing may read it after this stage.
 */
#include <errno.h>
#include <stdint.h>
#include <kiln/arm64/sections.h>
#include <kiln/board.h>
#include <kiln/boot.h>
#include <kiln/config.h>
#include <kiln/console.h>
#include <kiln/fdt.h>
#include <kiln/init.h>

#define PAGE                   (4096u)

/* Options as constants, so the compiler drops what is off and still checks it. */
#ifdef CONFIG_LIBFDT_REPORT
#define IS_ENABLED_REPORT      (1)
#else
#define IS_ENABLED_REPORT      (0)
#endif
#ifdef CONFIG_LIBFDT_CONSOLE
#define IS_ENABLED_CONSOLE     (1)
#else
#define IS_ENABLED_CONSOLE     (0)
#endif
/* The exit library calls PSCI as the tree says only when told to (LIBEXIT_PSCI_FROM_DT). */
#ifdef CONFIG_LIBEXIT_PSCI_FROM_DT
#define IS_ENABLED_PSCI        (1)
#else
#define IS_ENABLED_PSCI        (0)
#endif

static uintptr_t page_down(uint64_t a)
{
	return (uintptr_t)(a & ~(uint64_t)(PAGE - 1));
}

static void say(const char *what)
{
	if (IS_ENABLED_REPORT)
		kiln_console_puts(what);
}

/* What one walk over the tree finds. */
struct scan {
	struct kiln_fdt_reg bank;   /* the memory bank holding the image (size 0: none) */
	uint64_t lowest;            /* the lowest reservation above the image */
	uintptr_t blob, blob_end;   /* the blob itself, page-rounded: its reservation is not kept */
	uint64_t timer_hz;
};

/*
 * A reservation ends the free RAM early when it lies above the image. The
 * blob's own (U-Boot adds one) is dropped: nothing reads the blob once
 * this stage is over, so its memory may become heap.
 */
static void reserve(struct scan *s, uint64_t base, uint64_t size)
{
	uint64_t end = base + size;

	if (!size || end < base || (base >= s->blob && end <= s->blob_end))
		return;
	if (end <= (uintptr_t)__ram_free_start)
		return;
	if (base <= (uintptr_t)__ram_free_start) {
		say("kiln: fdt: a reservation overlaps the image; ignored\n");
		return;
	}
	if (base < s->lowest)
		s->lowest = base;
}

/*
 * One walk: memory nodes (device_type "memory", children of the root) and
 * the armv8 timer; then the reservation block. /reserved-memory's
 * children are not read (a few hundred bytes hello does not carry): a
 * board whose firmware keeps RAM that way must leave it out of its
 * memory node, or list it in the reservation block, as U-Boot does.
 */
static void scan(const void *blob, struct scan *s)
{
	uintptr_t lo = (uintptr_t)__image_start, hi = (uintptr_t)__ram_free_start;
	int depth = 0;
	uint64_t base, size;

	for (int node = kiln_fdt_next_node(blob, -1, &depth); node >= 0; node = kiln_fdt_next_node(blob, node, &depth)) {
		struct kiln_fdt_reg r;

		if (depth == 1) {
			for (unsigned int i = 0; kiln_fdt_has_string(blob, node, "device_type", "memory") &&
						 kiln_fdt_reg(blob, node, 0, i, &r) == 0; i++)
				if (r.base <= lo && r.size >= hi - r.base)
					s->bank = r;
		}
		if (!s->timer_hz && kiln_fdt_has_string(blob, node, "compatible", "arm,armv8-timer"))
			s->timer_hz = kiln_fdt_u32(blob, node, "clock-frequency", 0);
	}
	for (unsigned int i = 0; kiln_fdt_reservation(blob, i, &base, &size) == 0; i++)
		reserve(s, base, size);
}

/* The device at @path (@n bytes; options after ':' already dropped), or an alias naming it, as the CPU addresses it; 0 when none. */
static uintptr_t device_at(const void *blob, const char *path, size_t n)
{
	int node, parent;
	uint32_t len;
	struct kiln_fdt_reg r;
	uint64_t address;

	if (n && path[0] != '/') {
		/* An alias ("serial0"): /aliases holds its path. */
		int aliases = kiln_fdt_path(blob, "/aliases", 8, 0);
		char name[32];

		if (aliases < 0 || n >= sizeof(name))
			return 0;
		for (size_t i = 0; i < n; i++)
			name[i] = path[i];
		name[n] = 0;
		path = kiln_fdt_prop(blob, aliases, name, &len);
		if (!path)
			return 0;
		for (n = 0; n < len && path[n];)
			n++;
	}
	node = kiln_fdt_path(blob, path, n, &parent);
	if (node < 0 || kiln_fdt_reg(blob, node, parent, 0, &r) || kiln_fdt_translate(blob, node, r.base, &address))
		return 0;
	return (uintptr_t)address;
}

/*
 * The console's address: /chosen stdout-path (an alias or a path, options
 * after ':' dropped), else the serial0 alias, which is what Linux falls
 * back on and what the Raspberry Pi firmware's trees name the header's UART.
 */
static void console(const void *blob, struct kiln_machine *m)
{
	int chosen = kiln_fdt_path(blob, "/chosen", 7, 0);
	const char *path = 0;
	uint32_t len = 0;
	size_t n = 0;

	if (chosen >= 0) {
		path = kiln_fdt_prop(blob, chosen, "stdout-path", &len);
		if (!path)
			path = kiln_fdt_prop(blob, chosen, "linux,stdout-path", &len);
	}
	if (path) {
		while (n < len && path[n] && path[n] != ':')
			n++;
		m->console_base = device_at(blob, path, n);
		if (m->console_base) {
			m->console_from = "stdout-path";
			return;
		}
	}
	m->console_base = device_at(blob, "serial0", 7);
	if (m->console_base)
		m->console_from = "serial0 alias";
}

/*
 * PSCI's conduit from the /psci node (compatible arm,psci-0.2 or later:
 * 0.1 has no SYSTEM_OFF), for the exit library. Read now: the tree is
 * gone when the image ends.
 */
static unsigned int psci(const void *blob)
{
	int node = kiln_fdt_path(blob, "/psci", 5, 0);

	if (node < 0 || !(kiln_fdt_has_string(blob, node, "compatible", "arm,psci-0.2") ||
			  kiln_fdt_has_string(blob, node, "compatible", "arm,psci-1.0")))
		return KILN_PSCI_NONE;
	if (kiln_fdt_has_string(blob, node, "method", "hvc"))
		return KILN_PSCI_HVC;
	if (kiln_fdt_has_string(blob, node, "method", "smc"))
		return KILN_PSCI_SMC;
	return KILN_PSCI_NONE;
}

/*
 * One line with every fact and where it came from: the tree, or the
 * board's description when the tree gave none (or there was no tree).
 */
static void report(const struct kiln_machine *m, int have_tree)
{
	uint64_t cntfrq;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(cntfrq));
	kiln_console_puts("kiln: fdt: entered at EL");
	kiln_console_put_dec(m->entry_level);
	if (have_tree) {
		kiln_console_puts(", device tree at ");
		kiln_console_put_hex(m->handoff, 8);
	} else {
		kiln_console_puts(", no device tree");
	}
	kiln_console_puts(", RAM ");
	kiln_console_put_hex(m->ram_base, 8);
	kiln_console_puts(" + ");
	kiln_console_put_dec(m->ram_size >> 20);
	kiln_console_puts(" MiB from the ");
	kiln_console_puts(m->from);
	kiln_console_puts(", console ");
	if (m->console_from) {
		kiln_console_put_hex(m->console_base, 8);
		kiln_console_puts(" from the device tree's ");
		kiln_console_puts(m->console_from);
		if (m->console_base != KILN_BOARD_CONSOLE_BASE) {
			kiln_console_puts(" (not the board's ");
			kiln_console_put_hex(KILN_BOARD_CONSOLE_BASE, 8);
			kiln_console_puts(", which the image uses)");
		}
	} else {
		kiln_console_put_hex(KILN_BOARD_CONSOLE_BASE, 8);
		kiln_console_puts(IS_ENABLED_CONSOLE && have_tree ? " from the board (the tree names none)" : " from the board");
	}
	kiln_console_puts(", timer ");
	kiln_console_put_dec(m->timer_hz ? m->timer_hz : cntfrq);
	if (m->timer_hz) {
		kiln_console_puts(" Hz from the device tree's timer node (CNTFRQ_EL0 says ");
		kiln_console_put_dec(cntfrq);
		kiln_console_puts(")");
	} else {
		kiln_console_puts(" Hz from CNTFRQ_EL0");
	}
	if (IS_ENABLED_PSCI && have_tree) {
		kiln_console_puts(", PSCI ");
		kiln_console_puts(m->psci == KILN_PSCI_HVC ? "hvc" : m->psci == KILN_PSCI_SMC ? "smc" : "none");
		kiln_console_puts(" from the device tree");
	}
	kiln_console_puts("\n");
}

static int kiln_fdt_init(void)
{
	struct kiln_machine *m = kiln_machine();
	const void *blob = (const void *)m->handoff;
	struct scan s = { .lowest = UINT64_MAX };

	/* Loaders that pass no device tree leave 0; anything not in RAM is not one either. */
	if (!m->handoff || m->handoff < m->ram_base) {
		say("kiln: fdt: no device tree handed over; the board's description stays\n");
		if (IS_ENABLED_REPORT)
			report(m, 0);
		return 0;
	}
	if (kiln_fdt_check(blob, KILN_FDT_MAX_SIZE)) {
		say("kiln: fdt: x0 holds no device tree; the board's description stays\n");
		if (IS_ENABLED_REPORT)
			report(m, 0);
		return 0;
	}
	s.blob = m->handoff;
	s.blob_end = (m->handoff + kiln_fdt_size(blob) + PAGE - 1) & ~(uintptr_t)(PAGE - 1);
	scan(blob, &s);
	if (s.bank.size) {
		m->ram_base = (uintptr_t)s.bank.base;
		m->ram_size = s.bank.size;
		m->free_end = page_down(s.bank.base + s.bank.size);
		m->from = "device tree";
	} else {
		say("kiln: fdt: no memory node holds the image; the board's RAM stays\n");
	}
	if (s.lowest < m->free_end)
		m->free_end = page_down(s.lowest);
	m->timer_hz = s.timer_hz;
	if (IS_ENABLED_CONSOLE)
		console(blob, m);
	if (IS_ENABLED_PSCI)
		m->psci = psci(blob);
	if (IS_ENABLED_REPORT)
		report(m, 1);
	return 0;
}

KILN_INIT(kiln_fdt_init, KILN_INIT_MACHINE);

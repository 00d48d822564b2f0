/* SPDX-License-Identifier: MIT */
/*
 * Boot sequence: TLS, device binding, main(), exit().
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <kiln/boot.h>
#include <kiln/config.h>

void kiln_arm64_tls_init(void);
int main(int argc, char **argv);

static inline uint64_t read_cntpct(void)
{
	uint64_t ticks;

	__asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(ticks));
	return ticks;
}

static inline uint64_t read_cntfrq(void)
{
	uint64_t hz;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(hz));
	return hz;
}

void kiln_boot_main(uint64_t entry_ticks)
{
	static char name[] = "kiln";
	static char *argv[] = { name, 0 };

	kiln_arm64_tls_init();
	kiln_platform_bind();
#ifdef CONFIG_LIBBOOT_TIMELINE
	/* The counter's frequency differs by board: report it beside the ticks. */
	printf("kiln: boot ticks %llu (entry to main, CNTFRQ %llu Hz)\n",
	       (unsigned long long)(read_cntpct() - entry_ticks), (unsigned long long)read_cntfrq());
#else
	(void)entry_ticks;
#endif
	exit(main(1, argv));
}

/* SPDX-License-Identifier: MIT */
/*
 * Last-resort exception report: says which vector was taken and the
 * syndrome, then ends the image with status 128 + slot so a test sees a
 * failure rather than a silent hang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void kiln_arm64_exception(uint64_t slot, uint64_t esr, uint64_t elr, uint64_t far);

void kiln_arm64_exception(uint64_t slot, uint64_t esr, uint64_t elr, uint64_t far)
{
	/* ESR_EL1.EC is bits 31:26 (Arm ARM D17.2.37). */
	printf("\nkiln: unhandled exception: vector %u, EC 0x%02x, ESR 0x%08x, ELR 0x%016llx, FAR 0x%016llx\n",
	       (unsigned)slot, (unsigned)((esr >> 26) & 0x3f), (unsigned)esr,
	       (unsigned long long)elr, (unsigned long long)far);
	exit(128 + (int)slot);
}

/* SPDX-License-Identifier: MIT */
/*
 * Exit through Arm semihosting (Semihosting for AArch32 and AArch64,
 * "SYS_EXIT (0x18)"): QEMU run with -semihosting exits with the subcode.
 * Only for images built to run under QEMU: on hardware without a debugger
 * the HLT instruction traps.
 */
#include <stdint.h>
#include <kiln/exit.h>

#define SEMIHOSTING_SYS_EXIT               (0x18)
#define ADP_STOPPED_APPLICATION_EXIT       (0x20026)

void kiln_platform_exit(int status)
{
	/* AArch64 SYS_EXIT takes a pointer to {reason, subcode}. */
	uint64_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, (uint64_t)(uint32_t)status };
	register uint64_t op __asm__("x0") = SEMIHOSTING_SYS_EXIT;
	register uint64_t arg __asm__("x1") = (uint64_t)(uintptr_t)block;

	__asm__ volatile("hlt #0xf000" : "+r"(op) : "r"(arg) : "memory");
	for (;;)
		__asm__ volatile("wfi");
}

/* SPDX-License-Identifier: MIT */
/*
 * Register maps of the Raspberry Pi 3's two interrupt controllers.
 * Private to the driver.
 *
 * The BCM2836 "ARM local peripherals" block (Broadcom, "BCM2836 ARM-local
 * peripherals", QA7 rev 3.4, sections 4.6 to 4.10): per-core routing of
 * the generic timer and the core's IRQ source register.
 *
 * The BCM2835 ARM interrupt controller (Broadcom, "BCM2835 ARM
 * Peripherals", section 7.5), the GPU's peripherals' interrupts, which
 * reach core 0 through the local block's "GPU interrupt" source.
 */
#ifndef BCM2836_REGS_H
#define BCM2836_REGS_H

/* BCM2836 local block, offsets from its base (0x40000000). */
#define LOCAL_GPU_ROUTING          (0x0c)               /* GPU IRQ/FIQ to which core */
#define LOCAL_TIMER_CTL(core)      (0x40 + 4 * (core))  /* core timers' IRQ enables */
#define LOCAL_IRQ_SOURCE(core)     (0x60 + 4 * (core))  /* what is asserting the core's IRQ */

#define LOCAL_GPU_TO_CORE0         (0x0u)               /* GPU IRQ and FIQ both to core 0 */
#define LOCAL_TIMER_SOURCES        (4u)                 /* bits 0-3: CNTPS, CNTPNS, CNTHP, CNTV */
#define LOCAL_SOURCE_GPU           (1u << 8)            /* the BCM2835 controller has a pending IRQ */
#define LOCAL_SOURCE_MASK          (0xfffu)             /* bits 0-11 are sources (timers, mailboxes, GPU, PMU, AXI, local timer) */

/* BCM2835 ARM interrupt controller, offsets from its base (0x3F00B200). */
#define ARMCTRL_PENDING_BASIC      (0x00)               /* basic pending (ARM timer, doorbells...) */
#define ARMCTRL_PENDING(n)         (0x04 + 4 * (n))     /* GPU IRQs 0-31 (n = 0), 32-63 (n = 1) */
#define ARMCTRL_ENABLE(n)          (0x10 + 4 * (n))     /* set-enable GPU IRQs */
#define ARMCTRL_ENABLE_BASIC       (0x18)
#define ARMCTRL_DISABLE(n)         (0x1c + 4 * (n))     /* clear-enable GPU IRQs */
#define ARMCTRL_DISABLE_BASIC      (0x24)

#define ARMCTRL_BASIC_SOURCES      (0xffu)              /* basic pending bits 0-7 are sources of their own */

#endif /* BCM2836_REGS_H */

/* SPDX-License-Identifier: MIT */
/*
 * Console API for implementers only: console drivers include this, users of
 * the console include <kiln/console.h>.
 */
#ifndef KILN_CONSOLE_IMPL_H
#define KILN_CONSOLE_IMPL_H

/**
 * struct kiln_console_ops - what a console driver provides.
 * @putc: send one byte, waiting for room if needed
 * @getc: return a received byte, or -1 when none is waiting
 */
struct kiln_console_ops {
	void (*putc)(void *dev, char c);
	int (*getc)(void *dev);
};

/**
 * kiln_console_register() - make @dev, driven by @ops, the console.
 */
void kiln_console_register(const struct kiln_console_ops *ops, void *dev);

#endif /* KILN_CONSOLE_IMPL_H */

/* SPDX-License-Identifier: MIT */
/*
 * Private to lib/picolibc: the unsigned big integers behind Kiln's exact
 * number conversions (printf's %f/%e/%g, strtod). Little-endian arrays
 * of 32-bit words; every function takes the word count and returns the
 * new one, and callers size the arrays for the largest value they make
 * (the bounds are stated where the arrays are declared).
 */
#ifndef KILN_PICOLIBC_EXACT_PRIVATE_H
#define KILN_PICOLIBC_EXACT_PRIVATE_H

#include <stdint.h>

/* w = w * m + a. */
int kiln_big_mul_add(uint32_t *w, int n, uint32_t m, uint32_t a);
/* w = w / d; *rem gets w % d. */
int kiln_big_div_small(uint32_t *w, int n, uint32_t d, uint32_t *rem);
/* w = w << bits. */
int kiln_big_shl(uint32_t *w, int n, int bits);
/* w = w >> 1. */
int kiln_big_shr1(uint32_t *w, int n);
/* a - b, sign only: -1, 0 or 1. */
int kiln_big_cmp(const uint32_t *a, int na, const uint32_t *b, int nb);
/* a = a - b, where a >= b. */
int kiln_big_sub(uint32_t *a, int na, const uint32_t *b, int nb);
/* Number of significant bits (0 for zero). */
int kiln_big_bits(const uint32_t *w, int n);
/* w = v. */
int kiln_big_set(uint32_t *w, uint64_t v);

#endif /* KILN_PICOLIBC_EXACT_PRIVATE_H */

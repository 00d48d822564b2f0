/* SPDX-License-Identifier: MIT */
/*
 * Unsigned big integers for the exact number conversions: only what
 * printf and strtod need, schoolbook and small.
 */
#include "exact_private.h"

static int trim(const uint32_t *w, int n)
{
	while (n > 0 && w[n - 1] == 0)
		n--;
	return n;
}

int kiln_big_set(uint32_t *w, uint64_t v)
{
	w[0] = (uint32_t)v;
	w[1] = (uint32_t)(v >> 32);
	return trim(w, 2);
}

int kiln_big_mul_add(uint32_t *w, int n, uint32_t m, uint32_t a)
{
	uint64_t carry = a;

	for (int i = 0; i < n; i++) {
		uint64_t t = (uint64_t)w[i] * m + carry;
		w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry)
		w[n++] = (uint32_t)carry;
	return n;
}

int kiln_big_div_small(uint32_t *w, int n, uint32_t d, uint32_t *rem)
{
	uint64_t r = 0;

	for (int i = n - 1; i >= 0; i--) {
		uint64_t cur = (r << 32) | w[i];
		w[i] = (uint32_t)(cur / d);
		r = cur % d;
	}
	*rem = (uint32_t)r;
	return trim(w, n);
}

int kiln_big_shl(uint32_t *w, int n, int bits)
{
	int words = bits / 32, sh = bits % 32;

	if (n == 0)
		return 0;
	if (sh) {
		uint32_t top = w[n - 1] >> (32 - sh);
		for (int i = n - 1; i > 0; i--)
			w[i] = (w[i] << sh) | (w[i - 1] >> (32 - sh));
		w[0] <<= sh;
		if (top)
			w[n++] = top;
	}
	if (words) {
		for (int i = n - 1; i >= 0; i--)
			w[i + words] = w[i];
		for (int i = 0; i < words; i++)
			w[i] = 0;
		n += words;
	}
	return n;
}

int kiln_big_shr1(uint32_t *w, int n)
{
	for (int i = 0; i < n; i++)
		w[i] = (w[i] >> 1) | (i + 1 < n ? w[i + 1] << 31 : 0);
	return trim(w, n);
}

int kiln_big_cmp(const uint32_t *a, int na, const uint32_t *b, int nb)
{
	if (na != nb)
		return na < nb ? -1 : 1;
	for (int i = na - 1; i >= 0; i--)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

int kiln_big_sub(uint32_t *a, int na, const uint32_t *b, int nb)
{
	int64_t borrow = 0;

	for (int i = 0; i < na; i++) {
		int64_t t = (int64_t)a[i] - (i < nb ? b[i] : 0) - borrow;
		borrow = t < 0;
		a[i] = (uint32_t)(t + (borrow << 32));
	}
	return trim(a, na);
}

int kiln_big_bits(const uint32_t *w, int n)
{
	if (n == 0)
		return 0;
	return 32 * (n - 1) + (32 - __builtin_clz(w[n - 1]));
}

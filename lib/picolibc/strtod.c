/* SPDX-License-Identifier: MIT */
/*
 * Kiln's strtod and strtof, in place of picolibc's: correctly rounded
 * (ties to even) for any number of digits, and hex floats as C99 and
 * glibc read them. picolibc 1.8 mis-scales a hex fraction without a p
 * exponent (0x.1 gave 0.5) and takes "0x" with no hex digit as a number;
 * here "0x.1" is 0.0625 and "0x" converts only its "0".
 *
 * Decimal input keeps its first 800 significant digits and whether any
 * later one is nonzero: a double halfway between two neighbours has at
 * most 767 significant digits, so that decides every rounding. The
 * value D * 10^E is then divided out exactly with big integers; inputs
 * of at most 15 digits and a small exponent take the exact
 * floating-point shortcut instead.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <kiln/libc_hook.h>
#include "exact_private.h"

#define DIGITS_KEPT 800
/* 10^(800 + 325 + 310) and the shifts on top stay below 4,900 bits. */
#define WORDS 154

/* A binary floating-point format: significand bits (with the hidden one) and the normal exponent range. */
struct format {
	int bits;
	int emin;
	int emax;
};

static const struct format DOUBLE = { 53, -1022, 1023 };
static const struct format FLOAT = { 24, -126, 127 };

/* A parsed number before rounding: its class, sign and (for decimal or hex) the data. */
struct parsed {
	enum { P_NONE, P_ZERO, P_DECIMAL, P_HEX, P_INF, P_NAN } kind;
	int negative;
	/* Decimal: digits d[0..nd) (no leading or trailing zero), value 0.d * 10^pos. */
	char d[DIGITS_KEPT];
	int nd;
	long pos;
	/* Hex: value m * 2^e2. */
	uint64_t m;
	long e2;
	/* A nonzero digit was dropped after the kept ones. */
	int sticky;
	const char *end;
};

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int match(const char *s, const char *word)
{
	while (*word)
		if (lower((unsigned char)*s++) != *word++)
			return 0;
	return 1;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* An exponent's digits, saturated far beyond any that matters. */
static const char *exponent(const char *s, long *out)
{
	const char *p = s + 1;
	int neg = 0;
	long v = 0;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (*p < '0' || *p > '9') {
		*out = 0;
		return s;
	}
	while (*p >= '0' && *p <= '9') {
		if (v < 100000000)
			v = v * 10 + (*p - '0');
		p++;
	}
	*out = neg ? -v : v;
	return p;
}

static void parse(const char *s, struct parsed *p)
{
	const char *start = s;

	p->kind = P_NONE;
	p->sticky = 0;
	p->end = start;
	while (isspace((unsigned char)*s))
		s++;
	p->negative = *s == '-';
	if (*s == '+' || *s == '-')
		s++;

	if (match(s, "inf")) {
		p->kind = P_INF;
		p->end = s + (match(s, "infinity") ? 8 : 3);
		return;
	}
	if (match(s, "nan")) {
		p->kind = P_NAN;
		s += 3;
		if (*s == '(') {
			const char *q = s + 1;
			while (isalnum((unsigned char)*q) || *q == '_')
				q++;
			if (*q == ')')
				s = q + 1;
		}
		p->end = s;
		return;
	}

	if (s[0] == '0' && lower((unsigned char)s[1]) == 'x') {
		const char *q = s + 2;
		int any = 0, point = 0;
		p->m = 0;
		p->e2 = 0;
		for (;; q++) {
			int v = hexval((unsigned char)*q);
			if (*q == '.' && !point) {
				point = 1;
				continue;
			}
			if (v < 0)
				break;
			any = 1;
			if (p->m >> 60) {
				/* No room: the digit only scales (before the point) or is dropped. */
				if (v)
					p->sticky = 1;
				if (!point)
					p->e2 += 4;
			} else {
				p->m = p->m * 16 + (uint64_t)v;
				if (point)
					p->e2 -= 4;
			}
		}
		if (!any) {
			/* "0x" without a hex digit: only the 0 is a number. */
			p->kind = P_ZERO;
			p->end = s + 1;
			return;
		}
		if (lower((unsigned char)*q) == 'p') {
			long e;
			q = exponent(q, &e);
			p->e2 += e;
		}
		p->end = q;
		p->kind = p->m || p->sticky ? P_HEX : P_ZERO;
		return;
	}

	int any = 0, point = 0;
	p->nd = 0;
	p->pos = 0;
	for (;; s++) {
		if (*s == '.' && !point) {
			point = 1;
			continue;
		}
		if (*s < '0' || *s > '9')
			break;
		any = 1;
		if (*s == '0' && p->nd == 0) {
			/* A leading zero: only its place counts, after the point. */
			if (point)
				p->pos--;
			continue;
		}
		if (p->nd < DIGITS_KEPT)
			p->d[p->nd++] = *s;
		else if (*s != '0')
			p->sticky = 1;
		if (!point)
			p->pos++;
	}
	if (!any)
		return;
	if (lower((unsigned char)*s) == 'e') {
		long e;
		s = exponent(s, &e);
		p->pos += e;
	}
	p->end = s;
	while (p->nd > 0 && p->d[p->nd - 1] == '0')
		p->nd--;
	p->kind = p->nd ? P_DECIMAL : P_ZERO;
}

/* Bits of a rounded value: q (with the hidden bit when normal), b its binary exponent. */
static uint64_t assemble(uint64_t q, int b, const struct format *f, int *range)
{
	uint64_t top = 1ull << (f->bits - 1);

	if (q >> f->bits) {
		/* Rounding carried out: 1.111..1 became 10.000..0. */
		q >>= 1;
		b++;
	}
	if (b > f->emax) {
		*range = 1;
		return (uint64_t)(f->emax + (f->emax + 1)) << (f->bits - 1); /* infinity's exponent field */
	}
	if (q & top)
		return ((uint64_t)(b + f->emax) << (f->bits - 1)) | (q & (top - 1));
	/* Subnormal (or zero): the exponent field is 0. */
	return q;
}

/* Rounds a hex significand m * 2^e2 (and a dropped nonzero tail) to the format. */
static uint64_t round_hex(uint64_t m, long e2, int sticky, const struct format *f, int *range)
{
	int top = 63 - __builtin_clzll(m);
	long b = top + e2;

	if (b > f->emax) {
		*range = 1;
		return assemble(1ull << f->bits, f->emax + 1, f, range);
	}
	/* The unit of the result's last bit. */
	long unit = b >= f->emin ? b - (f->bits - 1) : f->emin - (f->bits - 1);
	long drop = unit - e2;
	uint64_t q;
	int inexact = sticky;

	if (drop <= 0) {
		q = m << -drop;
	} else if (drop >= 64) {
		q = 0;
		inexact = 1;
	} else {
		uint64_t rem = m & ((1ull << drop) - 1), half = 1ull << (drop - 1);
		q = m >> drop;
		if (rem)
			inexact = 1;
		if (rem > half || (rem == half && (sticky || (q & 1))))
			q++;
	}
	if (b < f->emin && inexact)
		*range = 1;
	return assemble(q, (int)(b < f->emin ? f->emin : b), f, range);
}

/* Rounds the decimal D * 10^E (D the kept digits) to the format. */
static uint64_t round_decimal(const struct parsed *p, const struct format *f, int *range)
{
	static const double pow10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
					1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
	long e = p->pos - p->nd;

	if (p->pos > f->emax / 3 + 2) {
		/* At least 10^(pos-1), beyond the largest finite value. */
		*range = 1;
		return assemble(1ull << f->bits, f->emax + 1, f, range);
	}
	if (p->pos < (f->emin - f->bits) / 3 - 2) {
		/* Below 10^pos, far under half the smallest subnormal. */
		*range = 1;
		return 0;
	}
	if (f == &DOUBLE && p->nd <= 15 && !p->sticky && e >= -22 && e <= 22) {
		/* Both factors are exact doubles: one correctly rounded operation. */
		double d = 0;
		for (int i = 0; i < p->nd; i++)
			d = d * 10 + (p->d[i] - '0');
		d = e >= 0 ? d * pow10[e] : d / pow10[-e];
		union { double d; uint64_t u; } bits = { .d = d };
		return bits.u;
	}

	static uint32_t n[WORDS], m[WORDS], t[WORDS];
	int nn = 0, mn, tn;
	/* N = D * 10^max(e,0), M = 10^max(-e,0). */
	for (int i = 0; i < p->nd; i += 9) {
		uint32_t chunk = 0, scale = 1;
		for (int j = i; j < p->nd && j < i + 9; j++) {
			chunk = chunk * 10 + (uint32_t)(p->d[j] - '0');
			scale *= 10;
		}
		if (nn == 0) {
			n[0] = chunk;
			nn = chunk ? 1 : 0;
		} else {
			nn = kiln_big_mul_add(n, nn, scale, chunk);
		}
	}
	mn = kiln_big_set(m, 1);
	for (long k = e > 0 ? e : -e; k > 0; k -= 9) {
		uint32_t scale = 1;
		for (long j = 0; j < (k < 9 ? k : 9); j++)
			scale *= 10;
		if (e > 0)
			nn = kiln_big_mul_add(n, nn, scale, 0);
		else
			mn = kiln_big_mul_add(m, mn, scale, 0);
	}

	/* b: N/M lies in [2^b, 2^(b+1)). */
	int b = kiln_big_bits(n, nn) - kiln_big_bits(m, mn);
	{
		int c;
		if (b >= 0) {
			for (int i = 0; i < mn; i++)
				t[i] = m[i];
			tn = kiln_big_shl(t, mn, b);
			c = kiln_big_cmp(n, nn, t, tn);
		} else {
			for (int i = 0; i < nn; i++)
				t[i] = n[i];
			tn = kiln_big_shl(t, nn, -b);
			c = kiln_big_cmp(t, tn, m, mn);
		}
		if (c < 0)
			b--;
	}
	if (b < f->emin - f->bits) {
		*range = 1;
		return 0;
	}
	/* q = floor(N * 2^s / M), with s making q the significand in units of the last bit. */
	int s = b >= f->emin ? f->bits - 1 - b : f->bits - 1 - f->emin;
	if (s >= 0)
		nn = kiln_big_shl(n, nn, s);
	else
		mn = kiln_big_shl(m, mn, -s);
	for (int i = 0; i < mn; i++)
		t[i] = m[i];
	tn = kiln_big_shl(t, mn, f->bits);
	uint64_t q = 0;
	for (int i = f->bits; i >= 0; i--) {
		if (kiln_big_cmp(n, nn, t, tn) >= 0) {
			nn = kiln_big_sub(n, nn, t, tn);
			q |= 1ull << i;
		}
		tn = kiln_big_shr1(t, tn);
	}
	/* The remainder against half of M decides the rounding. */
	int inexact = nn != 0 || p->sticky;
	nn = kiln_big_shl(n, nn, 1);
	int c = kiln_big_cmp(n, nn, m, mn);
	if (c > 0 || (c == 0 && (p->sticky || (q & 1))))
		q++;
	if (b < f->emin && inexact)
		*range = 1;
	return assemble(q, b < f->emin ? f->emin : b, f, range);
}

/* The bits of the number at the start of s in format f; *end after it. */
static uint64_t convert(const char *s, char **end, const struct format *f, int *negative)
{
	static struct parsed p;
	int range = 0;
	uint64_t bits = 0;
	uint64_t inf = (uint64_t)(2 * f->emax + 1) << (f->bits - 1);

	parse(s, &p);
	if (end)
		*end = (char *)p.end;
	*negative = p.negative;
	switch (p.kind) {
	case P_NONE:
		*negative = 0;
		return 0;
	case P_ZERO:
		return 0;
	case P_INF:
		return inf;
	case P_NAN:
		return inf | (1ull << (f->bits - 2));
	case P_HEX:
		bits = round_hex(p.m, p.e2, p.sticky, f, &range);
		break;
	case P_DECIMAL:
		bits = round_decimal(&p, f, &range);
		break;
	}
	if (range)
		errno = ERANGE;
	return bits;
}

KILN_LIBC_HOOK double strtod(const char *restrict s, char **restrict end)
{
	int negative;
	union { uint64_t u; double d; } v = { .u = convert(s, end, &DOUBLE, &negative) };

	if (negative)
		v.u |= 1ull << 63;
	return v.d;
}

KILN_LIBC_HOOK float strtof(const char *restrict s, char **restrict end)
{
	int negative;
	union { uint32_t u; float f; } v = { .u = (uint32_t)convert(s, end, &FLOAT, &negative) };

	if (negative)
		v.u |= 1u << 31;
	return v.f;
}

KILN_LIBC_HOOK double atof(const char *s)
{
	return strtod(s, NULL);
}

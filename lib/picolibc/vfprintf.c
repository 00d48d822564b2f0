/* SPDX-License-Identifier: MIT */
/*
 * Kiln's vfprintf, in place of picolibc's: every printf of the image
 * (printf, fprintf, sprintf, snprintf, vsnprintf... all end here) with
 * exact decimal conversions. picolibc's prints at most 17 significant
 * digits and pads with zeros, and rounds ties away from zero; this one
 * prints the exact binary value to any precision, rounding ties to even,
 * as glibc does (%.20f of 0.1 is 0.10000000000000000555).
 *
 * Conversions: d i u o x X c s p n % f F e E g G a A, with the flags
 * - + space # 0 ' (grouping is a no-op in the "C" locale), width and
 * precision (also as *), and the length modifiers hh h l ll j z t L
 * (long double goes through double). Not supported: positional
 * arguments (%1$d) and %m; such a directive is printed as it is.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <kiln/libc_hook.h>
#include "exact_private.h"

/* Where the output goes, how much went, and whether it failed. */
struct out {
	FILE *f;
	int count;
	int error;
};

static void put(struct out *o, char c)
{
	if (o->error)
		return;
	if (o->f->put(c, o->f) < 0) {
		o->f->flags |= __SERR;
		o->error = 1;
		return;
	}
	o->count++;
}

static void puts_n(struct out *o, const char *s, size_t n)
{
	while (n--)
		put(o, *s++);
}

static void pad(struct out *o, char c, long n)
{
	while (n-- > 0)
		put(o, c);
}

#define F_MINUS 1
#define F_PLUS 2
#define F_SPACE 4
#define F_ALT 8
#define F_ZERO 16
#define F_UPPER 32

/* One directive's flags, width and precision (-1: none). */
struct spec {
	int flags;
	int width;
	int prec;
	char conv;
};

/* Digits beyond the last significant one of a double are zero: 767 at most, plus a chunk. */
#define DIGITS_MAX 800

/*
 * The exact decimal digits of a finite x > 0, rounded ties-to-even at a
 * position: d[0..n) are significant digits (d[0] nonzero unless n is 0),
 * d[i] weighs 10^(point-1-i), and every digit after them is zero.
 */
struct decimal {
	char d[DIGITS_MAX + 16];
	int n;
	int point;
};

/*
 * Fills `dec` with x's digits, rounded to keep `prec` digits after the
 * point (fixed) or prec + 1 significant digits (!fixed).
 */
static void exact_decimal(double x, int fixed, int prec, struct decimal *dec)
{
	union { double d; uint64_t u; } bits = { .d = x };
	int bexp = (int)((bits.u >> 52) & 0x7ff);
	uint64_t m = bits.u & ((1ull << 52) - 1);
	int e;
	/* The integer part is below 2^1024, the fraction has at most 1074 bits and gets 30 more. */
	uint32_t iw[34], fw[40];
	int in, fn, k;

	if (bexp == 0) {
		e = -1074;
	} else {
		m |= 1ull << 52;
		e = bexp - 1075;
	}
	/* x = m * 2^e: the integer part and a fraction of k bits. */
	if (e >= 0) {
		in = kiln_big_set(iw, m);
		in = kiln_big_shl(iw, in, e);
		fn = 0;
		k = 0;
	} else {
		k = -e;
		in = k < 64 ? kiln_big_set(iw, m >> k) : 0;
		fn = kiln_big_set(fw, k < 64 ? m & ((1ull << k) - 1) : m);
	}

	/* The integer part's digits, nine at a time from the low end, then reversed. */
	dec->n = 0;
	if (in) {
		char tmp[320];
		int t = 0;
		while (in) {
			uint32_t r;
			in = kiln_big_div_small(iw, in, 1000000000u, &r);
			for (int i = 0; i < 9; i++) {
				tmp[t++] = (char)('0' + r % 10);
				r /= 10;
			}
		}
		while (t > 0 && tmp[t - 1] == '0')
			t--;
		for (int i = 0; i < t; i++)
			dec->d[i] = tmp[t - 1 - i];
		dec->n = t;
	}
	dec->point = dec->n;

	/* Digits kept plus the one that decides the rounding. */
	int need = fixed ? dec->point + prec + 1 : prec + 2;
	int sticky = 0;

	/* Fraction digits, nine at a time: f * 10^9, the bits above k are the next nine. */
	while (fn && (dec->n == 0 || dec->n < need) && dec->n < DIGITS_MAX) {
		fn = kiln_big_mul_add(fw, fn, 1000000000u, 0);
		uint32_t chunk = 0;
		int word = k / 32, sh = k % 32;
		if (word < fn)
			chunk = fw[word] >> sh;
		if (sh && word + 1 < fn)
			chunk |= fw[word + 1] << (32 - sh);
		/* Keep the low k bits. */
		if (word < fn) {
			fw[word] &= sh ? (1u << sh) - 1 : 0;
			fn = word + 1;
			while (fn > 0 && fw[fn - 1] == 0)
				fn--;
		}
		char nine[9];
		for (int i = 8; i >= 0; i--) {
			nine[i] = (char)('0' + chunk % 10);
			chunk /= 10;
		}
		for (int i = 0; i < 9; i++) {
			if (dec->n == 0 && nine[i] == '0') {
				dec->point--;
				continue;
			}
			dec->d[dec->n++] = nine[i];
		}
		/* In fixed notation, digits far below the precision cannot matter: the value rounds to zero. */
		if (fixed && dec->n == 0 && dec->point + prec + 1 < 0)
			break;
	}
	if (fixed)
		need = dec->point + prec + 1;
	if (dec->n == 0 && fn) {
		/* Everything up to the rounding digit is zero, and the value is below half a unit. */
		dec->point = -prec;
		return;
	}
	if (need <= 0) {
		/* The rounding digit lies before the first significant one: it is 0, round down to zero. */
		dec->n = 0;
		dec->point = fixed ? -prec : 1;
		return;
	}
	if (dec->n < need && !fn) {
		/* Exact: nothing to round; trailing zeros need not be stored. */
		while (dec->n > 0 && dec->d[dec->n - 1] == '0')
			dec->n--;
		return;
	}

	int keep = need - 1;
	int r = dec->d[keep] - '0';
	for (int i = keep + 1; i < dec->n && !sticky; i++)
		sticky = dec->d[i] != '0';
	if (fn)
		sticky = 1;
	int last_odd = keep > 0 ? (dec->d[keep - 1] - '0') & 1 : 0;
	int up = r > 5 || (r == 5 && (sticky || last_odd));
	dec->n = keep;
	if (up) {
		int i = keep - 1;
		while (i >= 0 && dec->d[i] == '9')
			dec->d[i--] = '0';
		if (i >= 0) {
			dec->d[i]++;
		} else {
			/* 9...9 became 10...0, or nothing was kept and the unit above became 1. */
			dec->d[0] = '1';
			for (int j = 1; j < keep; j++)
				dec->d[j] = '0';
			if (keep == 0)
				dec->n = 1;
			dec->point++;
		}
	}
	/* Trailing zeros need not be stored. */
	while (dec->n > 0 && dec->d[dec->n - 1] == '0')
		dec->n--;
	if (dec->n == 0)
		dec->point = fixed ? -prec : 1;
}

/* The digit of weight 10^(point-1-i). */
static char digit_at(const struct decimal *dec, int i)
{
	return i >= 0 && i < dec->n ? dec->d[i] : '0';
}

static int exponent_len(int x)
{
	int len = 2;

	if (x < 0)
		x = -x;
	while (x >= 100) {
		len++;
		x /= 10;
	}
	return len;
}

static void put_exponent(struct out *o, int x, char e)
{
	char buf[8];
	int n = 0;

	put(o, e);
	put(o, x < 0 ? '-' : '+');
	if (x < 0)
		x = -x;
	do {
		buf[n++] = (char)('0' + x % 10);
		x /= 10;
	} while (x);
	if (n < 2)
		buf[n++] = '0';
	while (n)
		put(o, buf[--n]);
}

/* Left padding, sign and zero padding around a body of `len` characters. */
static void pre(struct out *o, const struct spec *s, char sign, const char *prefix, long len)
{
	long total = len + (sign ? 1 : 0) + (long)strlen(prefix);

	if (!(s->flags & (F_MINUS | F_ZERO)))
		pad(o, ' ', s->width - total);
	if (sign)
		put(o, sign);
	puts_n(o, prefix, strlen(prefix));
	if ((s->flags & (F_MINUS | F_ZERO)) == F_ZERO)
		pad(o, '0', s->width - total);
}

static void post(struct out *o, const struct spec *s, char sign, const char *prefix, long len)
{
	if (s->flags & F_MINUS)
		pad(o, ' ', s->width - (len + (sign ? 1 : 0) + (long)strlen(prefix)));
}

static void format_hex_float(struct out *o, struct spec *s, double x, char sign)
{
	union { double d; uint64_t u; } bits = { .d = x };
	int bexp = (int)((bits.u >> 52) & 0x7ff);
	uint64_t frac = bits.u & ((1ull << 52) - 1);
	int lead, e;
	const char *hex = (s->flags & F_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";

	if (bexp == 0 && frac == 0) {
		lead = 0;
		e = 0;
	} else if (bexp == 0) {
		lead = 0;
		e = -1022;
	} else {
		lead = 1;
		e = bexp - 1023;
	}
	int ndig = 13;
	if (s->prec >= 0 && s->prec < 13) {
		/* Round the 52-bit fraction to prec hex digits, ties to even. */
		int drop = (13 - s->prec) * 4;
		uint64_t rem = frac & ((1ull << drop) - 1), half = 1ull << (drop - 1);
		frac >>= drop;
		if (rem > half || (rem == half && ((s->prec ? frac : (uint64_t)lead) & 1)))
			frac++;
		if (frac >> (s->prec * 4)) {
			frac &= (1ull << (s->prec * 4)) - 1;
			lead++;
		}
		ndig = s->prec;
	} else {
		if (s->prec < 0) {
			while (ndig > 0 && (frac & 0xf) == 0) {
				frac >>= 4;
				ndig--;
			}
		}
	}
	char digits[16];
	for (int i = ndig - 1; i >= 0; i--) {
		digits[i] = hex[frac & 0xf];
		frac >>= 4;
	}
	int zeros = s->prec > 13 ? s->prec - 13 : 0;
	int point = ndig > 0 || zeros > 0 || (s->flags & F_ALT);
	/* Lead digit, point, digits, zeros, then p, the exponent's sign and its digits. */
	long len = 1 + point + ndig + zeros + 2;
	int ae = e < 0 ? -e : e;
	do {
		len++;
		ae /= 10;
	} while (ae);
	const char *prefix = (s->flags & F_UPPER) ? "0X" : "0x";
	pre(o, s, sign, prefix, len);
	put(o, hex[lead]);
	if (point)
		put(o, '.');
	puts_n(o, digits, (size_t)ndig);
	pad(o, '0', zeros);
	put(o, (s->flags & F_UPPER) ? 'P' : 'p');
	put(o, e < 0 ? '-' : '+');
	{
		char buf[8];
		int n = 0;
		ae = e < 0 ? -e : e;
		do {
			buf[n++] = (char)('0' + ae % 10);
			ae /= 10;
		} while (ae);
		while (n)
			put(o, buf[--n]);
	}
	post(o, s, sign, prefix, len);
}

static void format_float(struct out *o, struct spec *s, double x)
{
	union { double d; uint64_t u; } bits = { .d = x };
	char sign = 0;
	char conv = s->conv | 0x20;
	struct decimal dec;

	if (bits.u >> 63)
		sign = '-';
	else if (s->flags & F_PLUS)
		sign = '+';
	else if (s->flags & F_SPACE)
		sign = ' ';
	bits.u &= ~(1ull << 63);
	x = bits.d;

	if (bits.u >= 0x7ff0000000000000ull) {
		const char *word = bits.u == 0x7ff0000000000000ull ? ((s->flags & F_UPPER) ? "INF" : "inf")
								   : ((s->flags & F_UPPER) ? "NAN" : "nan");
		s->flags &= ~F_ZERO;
		pre(o, s, sign, "", 3);
		puts_n(o, word, 3);
		post(o, s, sign, "", 3);
		return;
	}
	if (conv == 'a') {
		format_hex_float(o, s, x, sign);
		return;
	}

	int prec = s->prec < 0 ? 6 : s->prec;
	int fixed = conv == 'f';
	int strip = 0;

	if (conv == 'g') {
		int p = prec == 0 ? 1 : prec;
		int xexp = 0;
		if (x != 0) {
			exact_decimal(x, 0, p - 1, &dec);
			xexp = dec.point - 1;
		}
		if (p > xexp && xexp >= -4) {
			fixed = 1;
			prec = p - 1 - xexp;
		} else {
			prec = p - 1;
		}
		strip = !(s->flags & F_ALT);
	}
	if (x != 0) {
		exact_decimal(x, fixed, prec, &dec);
	} else {
		dec.n = 0;
		dec.point = 1;
	}

	if (fixed) {
		int intlen = dec.point > 0 ? dec.point : 1;
		int fraclen = prec;
		if (strip) {
			/* Significant fraction digits only. */
			int last = dec.n - dec.point; /* digits after the point that are stored */
			fraclen = last < 0 ? 0 : (last < prec ? last : prec);
		}
		int point = fraclen > 0 || (s->flags & F_ALT);
		long len = (long)intlen + point + fraclen;
		pre(o, s, sign, "", len);
		if (dec.point > 0)
			for (int i = 0; i < dec.point; i++)
				put(o, digit_at(&dec, i));
		else
			put(o, '0');
		if (point)
			put(o, '.');
		for (int i = 0; i < fraclen; i++)
			put(o, digit_at(&dec, dec.point + i));
		post(o, s, sign, "", len);
		return;
	}

	int xexp = dec.n ? dec.point - 1 : 0;
	int fraclen = prec;
	if (strip)
		fraclen = dec.n > 1 ? (dec.n - 1 < prec ? dec.n - 1 : prec) : 0;
	int point = fraclen > 0 || (s->flags & F_ALT);
	/* Lead digit, point, fraction, then e, the exponent's sign and its digits. */
	long len = 1 + point + fraclen + 2 + exponent_len(xexp);
	pre(o, s, sign, "", len);
	put(o, digit_at(&dec, 0));
	if (point)
		put(o, '.');
	for (int i = 1; i <= fraclen; i++)
		put(o, digit_at(&dec, i));
	put_exponent(o, xexp, (s->flags & F_UPPER) ? 'E' : 'e');
	post(o, s, sign, "", len);
}

static void format_int(struct out *o, struct spec *s, uintmax_t v, int negative)
{
	char buf[3 * sizeof(uintmax_t) * 8 / 8 + 24];
	int n = 0;
	unsigned base = 10;
	const char *digits = "0123456789abcdef";
	char conv = s->conv;
	char sign = 0;
	const char *prefix = "";

	if (conv == 'o')
		base = 8;
	else if (conv == 'x' || conv == 'X' || conv == 'p')
		base = 16;
	if (conv == 'X')
		digits = "0123456789ABCDEF";
	if (conv == 'd' || conv == 'i') {
		if (negative)
			sign = '-';
		else if (s->flags & F_PLUS)
			sign = '+';
		else if (s->flags & F_SPACE)
			sign = ' ';
	}
	int nonzero = v != 0;
	do {
		buf[n++] = digits[v % base];
		v /= base;
	} while (v);
	/* A zero with precision 0 has no digits. */
	if (s->prec == 0 && n == 1 && buf[0] == '0')
		n = 0;
	int zeros = s->prec > n ? s->prec - n : 0;
	if (conv == 'o' && (s->flags & F_ALT) && zeros == 0 && (n == 0 || buf[n - 1] != '0'))
		zeros = 1;
	if ((conv == 'x' || conv == 'X') && (s->flags & F_ALT) && nonzero)
		prefix = conv == 'X' ? "0X" : "0x";
	if (conv == 'p')
		prefix = "0x";
	if (s->prec >= 0)
		s->flags &= ~F_ZERO;
	long len = (long)n + zeros;
	pre(o, s, sign, prefix, len);
	pad(o, '0', zeros);
	while (n)
		put(o, buf[--n]);
	post(o, s, sign, prefix, len);
}

static void format_text(struct out *o, struct spec *s, const char *text, size_t len)
{
	s->flags &= ~F_ZERO;
	pre(o, s, 0, "", (long)len);
	puts_n(o, text, len);
	post(o, s, 0, "", (long)len);
}

enum length { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_BIG_L };

KILN_LIBC_HOOK int vfprintf(FILE *stream, const char *fmt, va_list ap_in)
{
	struct out o = { .f = stream };
	va_list ap;

	if (!(stream->flags & __SWR)) {
		stream->flags |= __SERR;
		errno = EBADF;
		return -1;
	}
	va_copy(ap, ap_in);
	while (*fmt && !o.error) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		const char *start = fmt++;
		struct spec s = { .flags = 0, .width = 0, .prec = -1 };
		for (;; fmt++) {
			if (*fmt == '-')
				s.flags |= F_MINUS;
			else if (*fmt == '+')
				s.flags |= F_PLUS;
			else if (*fmt == ' ')
				s.flags |= F_SPACE;
			else if (*fmt == '#')
				s.flags |= F_ALT;
			else if (*fmt == '0')
				s.flags |= F_ZERO;
			else if (*fmt != '\'')
				break;
		}
		if (*fmt == '*') {
			s.width = va_arg(ap, int);
			if (s.width < 0) {
				s.flags |= F_MINUS;
				s.width = s.width == INT_MIN ? INT_MAX : -s.width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				s.width = s.width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			s.prec = 0;
			if (*fmt == '*') {
				s.prec = va_arg(ap, int);
				if (s.prec < 0)
					s.prec = -1;
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					s.prec = s.prec * 10 + (*fmt++ - '0');
			}
		}
		enum length len = L_NONE;
		switch (*fmt) {
		case 'h':
			len = fmt[1] == 'h' ? L_HH : L_H;
			fmt += len == L_HH ? 2 : 1;
			break;
		case 'l':
			len = fmt[1] == 'l' ? L_LL : L_L;
			fmt += len == L_LL ? 2 : 1;
			break;
		case 'q':
			len = L_LL;
			fmt++;
			break;
		case 'j':
			len = L_J;
			fmt++;
			break;
		case 'z':
			len = L_Z;
			fmt++;
			break;
		case 't':
			len = L_T;
			fmt++;
			break;
		case 'L':
			len = L_BIG_L;
			fmt++;
			break;
		}
		s.conv = *fmt;
		if (s.conv >= 'A' && s.conv <= 'Z')
			s.flags |= F_UPPER;
		switch (s.conv) {
		case '%':
			put(&o, '%');
			fmt++;
			continue;
		case 'd':
		case 'i': {
			intmax_t v;
			switch (len) {
			case L_HH: v = (signed char)va_arg(ap, int); break;
			case L_H: v = (short)va_arg(ap, int); break;
			case L_L: v = va_arg(ap, long); break;
			case L_LL: v = va_arg(ap, long long); break;
			case L_J: v = va_arg(ap, intmax_t); break;
			case L_Z: v = va_arg(ap, ptrdiff_t); break;
			case L_T: v = va_arg(ap, ptrdiff_t); break;
			default: v = va_arg(ap, int); break;
			}
			format_int(&o, &s, v < 0 ? -(uintmax_t)v : (uintmax_t)v, v < 0);
			break;
		}
		case 'u':
		case 'o':
		case 'x':
		case 'X': {
			uintmax_t v;
			switch (len) {
			case L_HH: v = (unsigned char)va_arg(ap, unsigned); break;
			case L_H: v = (unsigned short)va_arg(ap, unsigned); break;
			case L_L: v = va_arg(ap, unsigned long); break;
			case L_LL: v = va_arg(ap, unsigned long long); break;
			case L_J: v = va_arg(ap, uintmax_t); break;
			case L_Z: v = va_arg(ap, size_t); break;
			case L_T: v = (uintmax_t)va_arg(ap, ptrdiff_t); break;
			default: v = va_arg(ap, unsigned); break;
			}
			format_int(&o, &s, v, 0);
			break;
		}
		case 'p': {
			void *p = va_arg(ap, void *);
			if (!p) {
				format_text(&o, &s, "(nil)", 5);
			} else {
				s.flags &= ~(F_PLUS | F_SPACE);
				format_int(&o, &s, (uintptr_t)p, 0);
			}
			break;
		}
		case 'c': {
			if (len == L_L) {
				wint_t wc = va_arg(ap, wint_t);
				if (wc > 0x7f) {
					errno = EILSEQ;
					o.error = 1;
					break;
				}
				char c = (char)wc;
				format_text(&o, &s, &c, 1);
			} else {
				char c = (char)va_arg(ap, int);
				format_text(&o, &s, &c, 1);
			}
			break;
		}
		case 's': {
			if (len == L_L) {
				const wchar_t *ws = va_arg(ap, const wchar_t *);
				char buf[256];
				size_t n = 0;
				if (!ws)
					ws = L"(null)";
				for (; ws[n] && n < sizeof buf && (s.prec < 0 || n < (size_t)s.prec); n++) {
					if ((unsigned)ws[n] > 0x7f) {
						errno = EILSEQ;
						o.error = 1;
						break;
					}
					buf[n] = (char)ws[n];
				}
				if (!o.error)
					format_text(&o, &s, buf, n);
				break;
			}
			const char *str = va_arg(ap, const char *);
			if (!str)
				str = s.prec < 0 || s.prec >= 6 ? "(null)" : "";
			size_t n = s.prec < 0 ? strlen(str) : strnlen(str, (size_t)s.prec);
			format_text(&o, &s, str, n);
			break;
		}
		case 'n': {
			void *p = va_arg(ap, void *);
			switch (len) {
			case L_HH: *(signed char *)p = (signed char)o.count; break;
			case L_H: *(short *)p = (short)o.count; break;
			case L_L: *(long *)p = o.count; break;
			case L_LL: *(long long *)p = o.count; break;
			case L_J: *(intmax_t *)p = o.count; break;
			case L_Z: *(size_t *)p = (size_t)o.count; break;
			case L_T: *(ptrdiff_t *)p = o.count; break;
			default: *(int *)p = o.count; break;
			}
			break;
		}
		case 'f':
		case 'F':
		case 'e':
		case 'E':
		case 'g':
		case 'G':
		case 'a':
		case 'A': {
			double x = len == L_BIG_L ? (double)va_arg(ap, long double) : va_arg(ap, double);
			format_float(&o, &s, x);
			break;
		}
		default:
			/* Not a conversion this printf knows: printed as written. */
			puts_n(&o, start, (size_t)(fmt - start) + (*fmt ? 1 : 0));
			if (!*fmt)
				continue;
			break;
		}
		fmt++;
	}
	va_end(ap);
	return o.error ? -1 : o.count;
}

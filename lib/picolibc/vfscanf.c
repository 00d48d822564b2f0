/* SPDX-License-Identifier: MIT */
/*
 * Kiln's vfscanf, in place of picolibc's (every scanf, sscanf, fscanf...
 * ends here): numbers are read as C and glibc read them, one character
 * of look-ahead, then converted by strtod (correctly rounded, hex floats
 * as C99 says) or the strtol family. picolibc 1.8's own float reader
 * mis-scaled hex fractions without a p exponent.
 *
 * Directives: white space, literal characters, %% and the conversions
 * d i u o x X p n c s [ f F e E g G a A, with assignment suppression
 * (*), a maximum width and the length modifiers hh h l ll j z t L q.
 * Not supported: positional arguments (%1$d) and %m.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <kiln/libc_hook.h>

/* The input, and how many characters were consumed from it. */
struct in {
	FILE *f;
	int count;
};

static int next(struct in *in)
{
	int c = fgetc(in->f);

	if (c != EOF)
		in->count++;
	return c;
}

static void back(struct in *in, int c)
{
	if (c != EOF) {
		ungetc(c, in->f);
		in->count--;
	}
}

/* Skips white space; returns the first other character (pushed back), or EOF. */
static int skip_space(struct in *in)
{
	int c;

	while ((c = next(in)) != EOF && isspace(c))
		;
	back(in, c);
	return c;
}

/* Numbers are collected into a buffer before conversion; longer input is cut at its size. */
#define NUMBER_MAX 512

/* Collects what may be an integer in `base` (0: as %i), at most `width` characters. */
static int collect_integer(struct in *in, char *buf, int width, int base)
{
	int n = 0, c = next(in);

	if (n < width && (c == '+' || c == '-')) {
		buf[n++] = (char)c;
		c = next(in);
	}
	if ((base == 0 || base == 16) && n < width && c == '0') {
		buf[n++] = (char)c;
		c = next(in);
		if (n < width && (c == 'x' || c == 'X')) {
			buf[n++] = (char)c;
			c = next(in);
			base = 16;
		} else if (base == 0) {
			base = 8;
		}
	}
	if (base == 0)
		base = 10;
	while (n < width && n < NUMBER_MAX - 1 && c != EOF) {
		int v = isdigit(c) ? c - '0' : isalpha(c) ? tolower(c) - 'a' + 10 : 99;
		if (v >= base)
			break;
		buf[n++] = (char)c;
		c = next(in);
	}
	back(in, c);
	buf[n] = 0;
	return n;
}

static int word_prefix(struct in *in, char *buf, int *n, int width, const char *word)
{
	int matched = 0, c;

	while (word[matched] && *n < width) {
		c = next(in);
		if (c == EOF || tolower(c) != word[matched]) {
			back(in, c);
			break;
		}
		buf[(*n)++] = (char)c;
		matched++;
	}
	return matched;
}

/* Collects what may be a floating-point number, at most `width` characters; 0 when it cannot be one. */
static int collect_float(struct in *in, char *buf, int width)
{
	int n = 0, c, digits = 0, hex = 0;

	if (width > NUMBER_MAX - 1)
		width = NUMBER_MAX - 1;
	c = next(in);
	if (n < width && (c == '+' || c == '-')) {
		buf[n++] = (char)c;
		c = next(in);
	}
	if (c == 'i' || c == 'I' || c == 'n' || c == 'N') {
		back(in, c);
		if (tolower(c) == 'i') {
			int m = word_prefix(in, buf, &n, width, "infinity");
			if (m != 3 && m != 8)
				return 0;
		} else {
			if (word_prefix(in, buf, &n, width, "nan") != 3)
				return 0;
			c = next(in);
			if (c == '(' && n < width) {
				buf[n++] = (char)c;
				while (n < width && (c = next(in)) != EOF && (isalnum(c) || c == '_'))
					buf[n++] = (char)c;
				if (c != ')' || n >= width)
					return 0;
				buf[n++] = (char)c;
			} else {
				back(in, c);
			}
		}
		buf[n] = 0;
		return n;
	}
	if (n < width && c == '0') {
		buf[n++] = (char)c;
		digits = 1;
		c = next(in);
		if (n < width && (c == 'x' || c == 'X')) {
			buf[n++] = (char)c;
			hex = 1;
			digits = 0;
			c = next(in);
		}
	}
	for (int point = 0; n < width && c != EOF; c = next(in)) {
		if (c == '.' && !point) {
			point = 1;
		} else if (hex ? isxdigit(c) : isdigit(c)) {
			digits++;
		} else {
			break;
		}
		buf[n++] = (char)c;
	}
	if (digits && n < width && (hex ? (c == 'p' || c == 'P') : (c == 'e' || c == 'E'))) {
		buf[n++] = (char)c;
		c = next(in);
		if (n < width && (c == '+' || c == '-')) {
			buf[n++] = (char)c;
			c = next(in);
		}
		while (n < width && isdigit(c)) {
			buf[n++] = (char)c;
			c = next(in);
		}
	}
	back(in, c);
	buf[n] = 0;
	return n;
}

/* Reads a %[ set from the format into `set` (256 flags); returns the format after the closing ]. */
static const char *scan_set(const char *fmt, char set[256])
{
	int negate = 0;

	if (*fmt == '^') {
		negate = 1;
		fmt++;
	}
	memset(set, 0, 256);
	if (*fmt == ']')
		set[(unsigned char)*fmt++] = 1;
	while (*fmt && *fmt != ']') {
		unsigned char lo = (unsigned char)*fmt++;
		if (*fmt == '-' && fmt[1] && fmt[1] != ']') {
			unsigned char hi = (unsigned char)fmt[1];
			for (unsigned c = lo; c <= hi; c++)
				set[c] = 1;
			fmt += 2;
		} else {
			set[lo] = 1;
		}
	}
	if (negate)
		for (int i = 0; i < 256; i++)
			set[i] = !set[i];
	return *fmt ? fmt + 1 : fmt;
}

enum length { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_BIG_L };

static void store_int(void *p, enum length len, unsigned long long v)
{
	switch (len) {
	case L_HH: *(char *)p = (char)v; break;
	case L_H: *(short *)p = (short)v; break;
	case L_L: *(long *)p = (long)v; break;
	case L_LL: *(long long *)p = (long long)v; break;
	case L_J: *(intmax_t *)p = (intmax_t)v; break;
	case L_Z: *(size_t *)p = (size_t)v; break;
	case L_T: *(ptrdiff_t *)p = (ptrdiff_t)v; break;
	default: *(int *)p = (int)v; break;
	}
}

KILN_LIBC_HOOK int vfscanf(FILE *stream, const char *fmt, va_list ap_in)
{
	struct in in = { .f = stream };
	int assigned = 0, converted = 0;
	char buf[NUMBER_MAX];
	va_list ap;

	va_copy(ap, ap_in);
	while (*fmt) {
		unsigned char fc = (unsigned char)*fmt;
		if (isspace(fc)) {
			while (isspace((unsigned char)*fmt))
				fmt++;
			skip_space(&in);
			continue;
		}
		if (fc != '%' || fmt[1] == '%') {
			int c;
			if (fc == '%') {
				fmt++;
				skip_space(&in);
			}
			c = next(&in);
			if (c == EOF)
				goto input_failure;
			if (c != (unsigned char)*fmt) {
				back(&in, c);
				goto done;
			}
			fmt++;
			continue;
		}
		fmt++;
		int suppress = 0, width = 0;
		if (*fmt == '*') {
			suppress = 1;
			fmt++;
		}
		while (isdigit((unsigned char)*fmt))
			width = width * 10 + (*fmt++ - '0');
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
		case 'j': len = L_J; fmt++; break;
		case 'z': len = L_Z; fmt++; break;
		case 't': len = L_T; fmt++; break;
		case 'L': len = L_BIG_L; fmt++; break;
		}
		char conv = *fmt++;
		if (conv == 0)
			goto done;
		if (conv == 'n') {
			if (!suppress)
				store_int(va_arg(ap, void *), len, (unsigned long long)in.count);
			continue;
		}
		if (conv != 'c' && conv != '[' && skip_space(&in) == EOF)
			goto input_failure;
		switch (conv) {
		case 'd':
		case 'i':
		case 'u':
		case 'o':
		case 'x':
		case 'X':
		case 'p': {
			int base = conv == 'd' || conv == 'u' ? 10 : conv == 'i' ? 0 : conv == 'o' ? 8 : 16;
			int n = collect_integer(&in, buf, width ? width : NUMBER_MAX - 1, base);
			char *end;
			unsigned long long v;
			if (n == 0)
				goto input_or_match;
			if (conv == 'd' || conv == 'i')
				v = (unsigned long long)strtoll(buf, &end, base);
			else
				v = strtoull(buf, &end, base);
			if (end == buf)
				goto done;
			if (!suppress) {
				if (conv == 'p')
					*va_arg(ap, void **) = (void *)(uintptr_t)v;
				else
					store_int(va_arg(ap, void *), len, v);
				assigned++;
			}
			converted++;
			break;
		}
		case 'a':
		case 'A':
		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G': {
			int n = collect_float(&in, buf, width ? width : NUMBER_MAX - 1);
			char *end;
			if (n == 0)
				goto input_or_match;
			double d = strtod(buf, &end);
			if (end == buf)
				goto done;
			if (!suppress) {
				if (len == L_L)
					*va_arg(ap, double *) = d;
				else if (len == L_BIG_L)
					*va_arg(ap, long double *) = strtold(buf, 0);
				else
					*va_arg(ap, float *) = strtof(buf, 0);
				assigned++;
			}
			converted++;
			break;
		}
		case 'c': {
			char *out = suppress ? 0 : va_arg(ap, char *);
			int n = 0;
			if (!width)
				width = 1;
			for (; n < width; n++) {
				int c = next(&in);
				if (c == EOF)
					break;
				if (out)
					out[n] = (char)c;
			}
			if (n < width)
				goto input_or_match_count;
			if (!suppress)
				assigned++;
			converted++;
			break;
		}
		case 's':
		case '[': {
			char set[256];
			char *out = suppress ? 0 : va_arg(ap, char *);
			int n = 0, c = EOF;
			if (conv == '[') {
				fmt = scan_set(fmt, set);
			} else {
				for (int i = 0; i < 256; i++)
					set[i] = !isspace(i);
			}
			if (!width)
				width = -1;
			while (n != width && (c = next(&in)) != EOF && set[c]) {
				if (out)
					out[n] = (char)c;
				n++;
			}
			if (n != width)
				back(&in, c);
			if (n == 0) {
				if (c == EOF)
					goto input_failure;
				goto done;
			}
			if (out) {
				out[n] = 0;
				assigned++;
			}
			converted++;
			break;
		}
		default:
			goto done;
		}
	}
	goto done;
input_or_match_count:
input_or_match:
	if (feof(stream))
		goto input_failure;
	goto done;
input_failure:
	if (converted == 0) {
		va_end(ap);
		return EOF;
	}
done:
	va_end(ap);
	return assigned;
}

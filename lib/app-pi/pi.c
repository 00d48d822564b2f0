/* SPDX-License-Identifier: MIT */
/*
 * Pi by the spigot algorithm of S. Rabinowitz and S. Wagon ("A Spigot
 * Algorithm for the Digits of Pi", American Mathematical Monthly 102(3),
 * 1995).
 *
 * Pi = 2 + 1/3 (2 + 2/5 (2 + 3/7 (2 + ...))): in that mixed-radix form
 * every "digit" starts as 2. Multiplying by 10 and normalising from the
 * right pushes one decimal digit out at the left each round. A digit
 * pushed out may still be raised by a carry from a later one, so 9s are
 * held back until the next digit shows whether they roll over to 0s.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <kiln/config.h>

/* A few digits beyond those printed, so held-back 9s and the last carries settle. */
#define GUARD_DIGITS 8

struct output {
	char *digits;
	unsigned int count;
	unsigned int want;
};

static void emit(struct output *out, unsigned int digit, unsigned int times)
{
	while (times--)
		if (out->count < out->want)
			out->digits[out->count++] = (char)('0' + digit);
}

/* Computes the first @n digits of pi ("3" first) into @digits. Returns 0, or -1 without memory. */
static int spigot(char *digits, unsigned int n)
{
	unsigned int total = n + GUARD_DIGITS;
	unsigned int len = total * 10 / 3 + 1;
	uint32_t *a = malloc(len * sizeof(*a));
	struct output out = { digits, 0, n };
	unsigned int predigit = 0, nines = 0;
	int first = 1;

	if (!a)
		return -1;
	for (unsigned int i = 0; i < len; i++)
		a[i] = 2;
	for (unsigned int j = 0; j < total; j++) {
		uint32_t q = 0;

		/* Multiply by 10 and normalise, right to left: position i has base i / (2i + 1). */
		for (unsigned int i = len; i > 0; i--) {
			uint32_t x = 10 * a[i - 1] + q * i;

			a[i - 1] = x % (2 * i - 1);
			q = x / (2 * i - 1);
		}
		a[0] = q % 10;
		q /= 10;
		if (q == 9) {
			nines++;
		} else if (q == 10) {
			/* A carry: the held digit goes up by one, the held 9s become 0s. */
			emit(&out, predigit + 1, 1);
			emit(&out, 0, nines);
			predigit = 0;
			nines = 0;
		} else {
			if (!first)
				emit(&out, predigit, 1);
			first = 0;
			predigit = q;
			emit(&out, 9, nines);
			nines = 0;
		}
	}
	emit(&out, predigit, 1);
	free(a);
	return 0;
}

/* Whether a line ends after digit @i (0: never; the divisor is never 0, even where unused). */
static int line_ends(unsigned int i)
{
	const unsigned int line = CONFIG_APP_PI_LINE;

	return line && i % (line ? line : 1) == 0;
}

int main(int argc, char **argv)
{
	const unsigned int n = CONFIG_APP_PI_DIGITS;
	char *digits = malloc(n + 1);

	(void)argc;
	(void)argv;
	if (!digits || spigot(digits, n)) {
		printf("pi: not enough memory for %u digits\n", n);
		return 1;
	}
	printf("pi: %u digits\n", n);
	putchar(digits[0]);
	if (n > 1)
		putchar('.');
	for (unsigned int i = 1; i < n; i++) {
		putchar(digits[i]);
		if (line_ends(i) && i + 1 < n)
			putchar('\n');
	}
	putchar('\n');
	free(digits);
	return 0;
}

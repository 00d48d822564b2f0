/* SPDX-License-Identifier: MIT */
/*
 * The character functions of stdio, in place of picolibc's, with C's and
 * glibc's error semantics: reading a stream not open for reading (or
 * writing one not open for writing) fails with EBADF and sets the
 * stream's error indicator. picolibc's returned end-of-file with no
 * error on a read, and failed a write leaving errno as it was.
 * getchar and scanf read through fgetc; fread, fgets, fwrite, fputs and
 * puts are here too, since picolibc's check the stream's mode themselves
 * (without an error) or write it directly.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <kiln/libc_hook.h>

static int refuse(FILE *f)
{
	f->flags |= __SERR;
	errno = EBADF;
	return EOF;
}

KILN_LIBC_HOOK int fgetc(FILE *f)
{
	int c;

	if (!(f->flags & __SRD))
		return refuse(f);
	/* A character pushed back by ungetc() is kept with a bit above it, so that 0 means none. */
	c = __atomic_exchange_n(&f->unget, 0, __ATOMIC_RELAXED);
	if (c)
		return c & 0xff;
	c = f->get(f);
	if (c < 0) {
		f->flags |= c == _FDEV_ERR ? __SERR : __SEOF;
		return EOF;
	}
	return c & 0xff;
}

/* stdio.h makes getc and putc macros for the f- functions; the functions exist too. */
#undef getc
#undef putc

KILN_LIBC_HOOK int getc(FILE *f)
{
	return fgetc(f);
}

KILN_LIBC_HOOK size_t fread(void *ptr, size_t size, size_t n, FILE *f)
{
	unsigned char *p = ptr;
	size_t done;

	if (!(f->flags & __SRD)) {
		refuse(f);
		return 0;
	}
	if (size == 0)
		return 0;
	for (done = 0; done < n; done++)
		for (size_t i = 0; i < size; i++) {
			int c = fgetc(f);
			if (c == EOF)
				return done;
			*p++ = (unsigned char)c;
		}
	return done;
}

KILN_LIBC_HOOK char *fgets(char *s, int size, FILE *f)
{
	int i = 0;

	if (!(f->flags & __SRD)) {
		refuse(f);
		return NULL;
	}
	if (size <= 0)
		return NULL;
	while (i < size - 1) {
		int c = fgetc(f);
		if (c == EOF) {
			if (i == 0 || ferror(f))
				return NULL;
			break;
		}
		s[i++] = (char)c;
		if (c == '\n')
			break;
	}
	s[i] = 0;
	return s;
}

KILN_LIBC_HOOK int fputc(int c, FILE *f)
{
	if (!(f->flags & __SWR))
		return refuse(f);
	if (f->put((char)c, f) < 0) {
		f->flags |= __SERR;
		return EOF;
	}
	return (unsigned char)c;
}

KILN_LIBC_HOOK int putc(int c, FILE *f)
{
	return fputc(c, f);
}

KILN_LIBC_HOOK size_t fwrite(const void *ptr, size_t size, size_t n, FILE *f)
{
	const unsigned char *p = ptr;
	size_t done;

	if (!(f->flags & __SWR)) {
		refuse(f);
		return 0;
	}
	if (size == 0)
		return 0;
	for (done = 0; done < n; done++)
		for (size_t i = 0; i < size; i++)
			if (f->put((char)*p++, f) < 0) {
				f->flags |= __SERR;
				return done;
			}
	return done;
}

/* Writes a string; 0 or EOF. Shared by fputs and puts so that neither needs fwrite or fputc. */
static int put_string(const char *s, FILE *f)
{
	if (!(f->flags & __SWR))
		return refuse(f);
	for (; *s; s++)
		if (f->put(*s, f) < 0) {
			f->flags |= __SERR;
			return EOF;
		}
	return 0;
}

KILN_LIBC_HOOK int fputs(const char *s, FILE *f)
{
	/* glibc's success value is 1; C asks only for a nonnegative one. */
	return put_string(s, f) == EOF ? EOF : 1;
}

KILN_LIBC_HOOK int puts(const char *s)
{
	size_t len = strlen(s);

	if (put_string(s, stdout) == EOF || put_string("\n", stdout) == EOF)
		return EOF;
	/* glibc's success value. */
	return len + 1 > 0x7fffffff ? 0x7fffffff : (int)(len + 1);
}

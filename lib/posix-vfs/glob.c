/* SPDX-License-Identifier: MIT */
/*
 * glob() (POSIX.1-2017) for patterns whose wildcards (*, ?, [...]) are
 * in the last component only, such as "conf.d/*.conf": the folder is
 * read with readdir() and each name tested with fnmatch(), a leading
 * dot matching only a dot written in the pattern. The matches come
 * sorted, as the shell's do. A pattern with wildcards in a folder part,
 * or GLOB_APPEND, GLOB_DOOFFS or GLOB_ALTDIRFUNC, fails with GLOB_ABEND
 * and ENOSYS. No match is success with no paths (picolibc's <glob.h>
 * has no GLOB_NOMATCH), or the pattern itself with GLOB_NOCHECK.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int has_magic(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '*' || s[i] == '?' || s[i] == '[')
			return 1;
	return 0;
}

static int add(glob_t *g, const char *dir, size_t dirlen, const char *name, int mark)
{
	size_t n = strlen(name);
	char **v = realloc(g->gl_pathv, (size_t)(g->gl_pathc + 2) * sizeof(char *));
	char *p;

	if (!v)
		return GLOB_NOSPACE;
	g->gl_pathv = v;
	p = malloc(dirlen + n + 2);
	if (!p)
		return GLOB_NOSPACE;
	memcpy(p, dir, dirlen);
	memcpy(p + dirlen, name, n + 1);
	if (mark) {
		struct stat st;

		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
			strcat(p, "/");
	}
	v[g->gl_pathc++] = p;
	v[g->gl_pathc] = NULL;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int glob(const char *restrict pattern, int flags, int (*errfunc)(const char *, int), glob_t *restrict g)
{
	const char *slash = strrchr(pattern, '/');
	size_t dirlen = slash ? (size_t)(slash - pattern) + 1 : 0;
	const char *base = pattern + dirlen;
	char dir[256];
	struct dirent *e;
	DIR *d;
	int r = 0;

	g->gl_pathc = 0;
	g->gl_pathv = NULL;
	if ((flags & (GLOB_APPEND | GLOB_DOOFFS | GLOB_ALTDIRFUNC)) || has_magic(pattern, dirlen) || dirlen >= sizeof(dir)) {
		errno = ENOSYS;
		return GLOB_ABEND;
	}
	if (!has_magic(base, strlen(base))) {
		struct stat st;

		if (stat(pattern, &st) == 0 || (flags & GLOB_NOCHECK))
			return add(g, "", 0, pattern, flags & GLOB_MARK);
		return 0;
	}
	memcpy(dir, pattern, dirlen);
	dir[dirlen] = '\0';
	d = opendir(dirlen ? dir : ".");
	if (!d) {
		if ((errfunc && errfunc(dirlen ? dir : ".", errno)) || (flags & GLOB_ERR))
			return GLOB_ABEND;
		return (flags & GLOB_NOCHECK) ? add(g, "", 0, pattern, 0) : 0;
	}
	while (!r && (e = readdir(d)) != NULL) {
		if (fnmatch(base, e->d_name, FNM_PERIOD) == 0)
			r = add(g, pattern, dirlen, e->d_name, flags & GLOB_MARK);
	}
	closedir(d);
	if (r)
		return r;
	if (g->gl_pathc == 0 && (flags & GLOB_NOCHECK))
		return add(g, "", 0, pattern, 0);
	if (!(flags & GLOB_NOSORT) && g->gl_pathc > 1)
		qsort(g->gl_pathv, (size_t)g->gl_pathc, sizeof(char *), by_name);
	return 0;
}

void globfree(glob_t *g)
{
	int i;

	for (i = 0; i < g->gl_pathc; i++)
		free(g->gl_pathv[i]);
	free(g->gl_pathv);
	g->gl_pathv = NULL;
	g->gl_pathc = 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * Resource limits. Kiln's are fixed when the image is built: descriptors
 * (the size of posix-fd's table) and the boot stack; everything else has
 * no limit but the board's memory. setrlimit() can only confirm them:
 * raising one beyond its hard limit is EPERM, as for an unprivileged
 * process, and lowering one is EINVAL, since nothing would enforce it.
 */
#include <errno.h>
#include <sys/resource.h>
#include <kiln/config.h>

static struct rlimit limit_of(int resource)
{
	struct rlimit l = { RLIM_INFINITY, RLIM_INFINITY };

	switch (resource) {
	case RLIMIT_NOFILE:
#ifdef CONFIG_LIBPOSIX_FD_MAX
		l.rlim_cur = l.rlim_max = CONFIG_LIBPOSIX_FD_MAX;
#else
		/* No descriptor table: the console's three. */
		l.rlim_cur = l.rlim_max = 3;
#endif
		break;
	case RLIMIT_STACK:
#ifdef CONFIG_LIBBOOT_STACK_SIZE
		l.rlim_cur = l.rlim_max = CONFIG_LIBBOOT_STACK_SIZE;
#endif
		break;
	case RLIMIT_CORE:
		/* Nothing writes a core file. */
		l.rlim_cur = l.rlim_max = 0;
		break;
	}
	return l;
}

static int known(int resource)
{
	switch (resource) {
	case RLIMIT_CPU: case RLIMIT_FSIZE: case RLIMIT_DATA: case RLIMIT_STACK:
	case RLIMIT_CORE: case RLIMIT_NOFILE: case RLIMIT_AS:
		return 1;
	}
	return 0;
}

int getrlimit(int resource, struct rlimit *limit)
{
	if (!known(resource) || !limit) {
		errno = EINVAL;
		return -1;
	}
	*limit = limit_of(resource);
	return 0;
}

int setrlimit(int resource, const struct rlimit *limit)
{
	struct rlimit now;

	if (!known(resource) || !limit || limit->rlim_cur > limit->rlim_max) {
		errno = EINVAL;
		return -1;
	}
	now = limit_of(resource);
	if (limit->rlim_max > now.rlim_max || limit->rlim_cur > now.rlim_max) {
		errno = EPERM;
		return -1;
	}
	if (limit->rlim_max != now.rlim_max || limit->rlim_cur != now.rlim_cur) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * The user database. The image's one user is root (getuid() is 0), in
 * group root, at home in "/": it is the only entry, found by name or id;
 * any other name or id is not found (NULL, errno left alone, as POSIX
 * says for an entry that does not exist). setuid() and setgid() to root
 * succeed; to anyone else they fail with EPERM.
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

static char root_name[] = "root";
static char no_password[] = "x";
static char root_dir[] = "/";
static char no_shell[] = "";
static char *no_members[] = { NULL };

static struct passwd root_user = {
	.pw_name = root_name,
	.pw_passwd = no_password,
	.pw_uid = 0,
	.pw_gid = 0,
	.pw_comment = no_shell,
	.pw_gecos = root_name,
	.pw_dir = root_dir,
	.pw_shell = no_shell,
};

static struct group root_group = {
	.gr_name = root_name,
	.gr_passwd = no_password,
	.gr_gid = 0,
	.gr_mem = no_members,
};

struct passwd *getpwnam(const char *name)
{
	return name && strcmp(name, root_name) == 0 ? &root_user : NULL;
}

struct passwd *getpwuid(uid_t uid)
{
	return uid == 0 ? &root_user : NULL;
}

struct group *getgrnam(const char *name)
{
	return name && strcmp(name, root_name) == 0 ? &root_group : NULL;
}

struct group *getgrgid(gid_t gid)
{
	return gid == 0 ? &root_group : NULL;
}

/* The only user and group there are: becoming them again succeeds, becoming another is not permitted. */
int setuid(uid_t uid)
{
	if (uid != 0) {
		errno = EPERM;
		return -1;
	}
	return 0;
}

int setgid(gid_t gid)
{
	if (gid != 0) {
		errno = EPERM;
		return -1;
	}
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * Descriptors and the RAM file system: the embedded tree, reading and
 * writing, offsets shared by dup(), unlinking open files, directories,
 * rename, the working directory, stdio on top, poll and select.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include "selftest.h"

static int slurp(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return (int)n;
}

static void embedded(void)
{
	char buf[64];
	struct stat st;
	int fd;

	check(slurp("/etc/motd", buf, sizeof(buf)) == 5 && !strcmp(buf, "kiln\n"), "an embedded file is there at boot");
	check(stat("/data", &st) == 0 && S_ISDIR(st.st_mode), "an embedded folder is a directory");
	fd = open("/etc/motd", O_WRONLY | O_APPEND);
	check(fd >= 0 && write(fd, "more\n", 5) == 5 && close(fd) == 0, "an embedded file can be appended to");
	check(slurp("/etc/motd", buf, sizeof(buf)) == 10 && !strcmp(buf, "kiln\nmore\n"), "and then reads back changed");
}

static void descriptors(void)
{
	char buf[32];
	struct stat st;
	struct iovec iov[2] = { { "vec", 3 }, { "tor", 3 } };
	int fd = open("/tmp-file", O_RDWR | O_CREAT | O_EXCL, 0600), fd2;

	check(fd >= 3, "open creates a file on the lowest free descriptor past the console's");
	check(write(fd, "hello, world", 12) == 12, "write");
	check(lseek(fd, 7, SEEK_SET) == 7 && read(fd, buf, 5) == 5 && !memcmp(buf, "world", 5), "lseek then read");
	check(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 12, "fstat gives the size");
	fd2 = dup(fd);
	check(fd2 > fd && lseek(fd2, 0, SEEK_CUR) == 12, "dup shares the offset");
	check(lseek(fd, 0, SEEK_END) == 12 && writev(fd2, iov, 2) == 6, "writev");
	check(pread(fd, buf, 6, 12) == 6 && !memcmp(buf, "vector", 6) && lseek(fd, 0, SEEK_CUR) == 18, "pread leaves the offset");
	check(ftruncate(fd, 5) == 0 && fstat(fd, &st) == 0 && st.st_size == 5, "ftruncate shrinks");
	check(ftruncate(fd, 4000) == 0 && pread(fd, buf, 4, 100) == 4 && !memcmp(buf, "\0\0\0\0", 4), "and grows with zeros");
	check(close(fd2) == 0 && fcntl(fd, F_GETFL) == O_RDWR, "F_GETFL gives the access mode");
	check(unlink("/tmp-file") == 0 && stat("/tmp-file", &st) == -1 && errno == ENOENT, "unlink removes the name");
	check(pread(fd, buf, 5, 0) == 5 && !memcmp(buf, "hello", 5), "an unlinked file stays readable while open");
	check(close(fd) == 0 && close(fd) == -1 && errno == EBADF, "a closed descriptor is EBADF");
	check(open("/missing", O_RDONLY) == -1 && errno == ENOENT, "opening a missing file is ENOENT");
	check(open("/etc/motd", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST, "O_EXCL on an existing file is EEXIST");
	fd = open("/etc/motd", O_WRONLY);
	check(read(fd, buf, 1) == -1 && errno == EBADF, "reading a write-only descriptor is EBADF");
	close(fd);
	check(write(1, "console through descriptor 1\n", 29) == 29 && isatty(1), "descriptor 1 is the console");
}

/* The names in @path, in order, joined by spaces. */
static void listing(const char *path, char *out, size_t len)
{
	DIR *d = opendir(path);
	struct dirent *e;

	out[0] = 0;
	if (!d)
		return;
	while ((e = readdir(d)))
		if (strlen(out) + strlen(e->d_name) + 2 < len)
			strcat(strcat(out, out[0] ? " " : ""), e->d_name);
	closedir(d);
}

static void directories(void)
{
	char names[128], buf[64];
	struct stat st;

	check(mkdir("/a", 0755) == 0 && mkdir("/a/b", 0755) == 0 && mkdir("/a", 0755) == -1 && errno == EEXIST, "mkdir");
	check(close(open("/a/b/one", O_CREAT | O_WRONLY, 0644)) == 0 && close(open("/a/two", O_CREAT | O_WRONLY, 0644)) == 0,
	      "files in subdirectories");
	listing("/a", names, sizeof(names));
	check(!strcmp(names, ". .. b two"), "readdir lists the directory in creation order");
	check(rmdir("/a/b") == -1 && errno == ENOTEMPTY, "rmdir of a non-empty directory is ENOTEMPTY");
	check(rename("/a/b/one", "/a/two") == 0 && stat("/a/b/one", &st) == -1, "rename replaces a file");
	check(rename("/a", "/a/b/c") == -1 && errno == EINVAL, "a directory cannot move into itself");
	check(rename("/a/b", "/c") == 0 && rmdir("/c") == 0, "rename moves a directory");
	check(chdir("/a") == 0 && getcwd(buf, sizeof(buf)) && !strcmp(buf, "/a"), "chdir and getcwd");
	check(stat("two", &st) == 0 && stat("../a/./two", &st) == 0 && access("two", F_OK) == 0, "relative paths");
	check(chdir("/") == 0 && unlink("/a/two") == 0 && rmdir("/a") == 0, "cleaning up");
	listing("/data", names, sizeof(names));
	check(!strcmp(names, ". .. numbers.txt"), "the embedded folder lists its file");
}

static void stdio(void)
{
	FILE *f = fopen("/notes.txt", "w+");
	char line[64];
	int n = 0;

	check(f && fprintf(f, "line %d\nline %d\n", 1, 2) == 14, "fopen and fprintf");
	check(f && fseek(f, 0, SEEK_SET) == 0 && fgets(line, sizeof(line), f) && !strcmp(line, "line 1\n"), "fseek and fgets");
	check(f && fclose(f) == 0, "fclose");
	f = fopen("/data/numbers.txt", "r");
	while (f && fgets(line, sizeof(line), f))
		n++;
	check(f && n == 3, "reading an embedded file line by line");
	if (f)
		fclose(f);
	check(remove("/notes.txt") == 0, "remove");
}

static void readiness(void)
{
	int fd = open("/etc/motd", O_RDONLY);
	struct pollfd p[2] = { { fd, POLLIN | POLLOUT, 0 }, { 99, POLLIN, 0 } };
	struct timeval zero = { 0, 0 };
	fd_set wr;

	check(poll(p, 2, 0) == 2 && p[0].revents == (POLLIN | POLLOUT) && p[1].revents == POLLNVAL, "poll");
	FD_ZERO(&wr);
	FD_SET(1, &wr);
	check(select(2, 0, &wr, 0, &zero) == 1 && FD_ISSET(1, &wr), "select");
	close(fd);
}

void check_files(void)
{
	embedded();
	descriptors();
	directories();
	stdio();
	readiness();
}

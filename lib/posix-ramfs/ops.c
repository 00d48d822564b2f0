/* SPDX-License-Identifier: MIT */
/*
 * The RAM file system's operations: what the VFS calls for paths, and
 * what the descriptor table calls for open files.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <kiln/fd_impl.h>
#include <kiln/vfs_impl.h>
#include "ramfs.h"

/** struct ramfs_file - an open file: the node, the offset, the flags it was opened with. */
struct ramfs_file {
	struct ramfs_node *node;
	off_t off;
	int flags;
};

/** struct ramfs_cursor - a directory stream: the directory and how many entries it has given. */
struct ramfs_cursor {
	struct ramfs_node *dir;
	size_t given;
};

static ssize_t file_read(void *obj, void *buf, size_t len)
{
	struct ramfs_file *f = obj;
	struct ramfs_node *n = f->node;
	size_t got;

	if (S_ISDIR(n->mode))
		return -EISDIR;
	if ((size_t)f->off >= n->data.size)
		return 0;
	got = ramfs_data_read(&n->data, (size_t)f->off, buf, len);
	f->off += (off_t)got;
	return (ssize_t)got;
}

static ssize_t file_write(void *obj, const void *buf, size_t len)
{
	struct ramfs_file *f = obj;
	struct ramfs_node *n = f->node;
	ssize_t put;

	if (f->flags & O_APPEND)
		f->off = (off_t)n->data.size;
	if (!len)
		return 0;
	put = ramfs_data_write(&n->data, (size_t)f->off, buf, len);
	if (put < 0)
		return put;
	f->off += (off_t)put;
	ramfs_touch(n);
	return put;
}

static off_t file_lseek(void *obj, off_t offset, int whence)
{
	struct ramfs_file *f = obj;
	off_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? f->off : (off_t)f->node->data.size;

	if (offset > 0 && base > LLONG_MAX - offset)
		return -EOVERFLOW;
	if (base + offset < 0)
		return -EINVAL;
	f->off = base + offset;
	return f->off;
}

static int file_close(void *obj)
{
	struct ramfs_file *f = obj;

	ramfs_put(f->node);
	free(f);
	return 0;
}

static int file_fstat(void *obj, struct stat *st)
{
	ramfs_fill_stat(((struct ramfs_file *)obj)->node, st);
	return 0;
}

static short file_poll(void *obj, short events)
{
	(void)obj;
	return (short)(events & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM));
}

static int file_fcntl(void *obj, int cmd, long arg)
{
	struct ramfs_file *f = obj;

	switch (cmd) {
	case F_SETFL:
		f->flags = (int)arg;
		return 0;
	case F_GETLK:
		/* One process: no lock held by anyone else can be in the way. */
		((struct flock *)arg)->l_type = F_UNLCK;
		return 0;
	case F_SETLK:
	case F_SETLKW:
		return 0;
	default:
		return -EINVAL;
	}
}

static int file_ftruncate(void *obj, off_t length)
{
	struct ramfs_file *f = obj;

	if (S_ISDIR(f->node->mode))
		return -EISDIR;
	if (length < 0)
		return -EINVAL;
	return ramfs_resize(f->node, (size_t)length);
}

static const struct kiln_fd_ops file_ops = {
	.read = file_read,
	.write = file_write,
	.lseek = file_lseek,
	.close = file_close,
	.fstat = file_fstat,
	.poll = file_poll,
	.fcntl = file_fcntl,
	.ftruncate = file_ftruncate,
};

static int fs_open(void *fs, const char *path, int flags, mode_t mode)
{
	const char *name;
	size_t len;
	int err = 0, fd, access = flags & O_ACCMODE;
	struct ramfs_node *dir = ramfs_parent(path, &name, &len, &err);
	struct ramfs_node *n = dir ? ramfs_find(dir, name, len) : ramfs_lookup(path, &err);
	struct ramfs_file *f;

	(void)fs;
	if (!dir && !n)
		return -err;
	if (n && (flags & O_CREAT) && (flags & O_EXCL))
		return -EEXIST;
	if (!n) {
		if (!(flags & O_CREAT))
			return -ENOENT;
		n = ramfs_create(dir, name, len, S_IFREG | (mode & 07777));
		if (!n)
			return -ENOMEM;
	}
	if (S_ISDIR(n->mode) && access != O_RDONLY)
		return -EISDIR;
	if (!S_ISDIR(n->mode) && (flags & O_DIRECTORY))
		return -ENOTDIR;
	f = malloc(sizeof(*f));
	if (!f)
		return -ENOMEM;
	if ((flags & O_TRUNC) && access != O_RDONLY && !S_ISDIR(n->mode))
		ramfs_resize(n, 0);
	f->node = n;
	f->off = 0;
	f->flags = flags;
	n->opens++;
	fd = kiln_fd_alloc(&file_ops, f, flags);
	if (fd < 0)
		file_close(f);
	return fd;
}

static int fs_stat(void *fs, const char *path, struct stat *st)
{
	int err = 0;
	struct ramfs_node *n = ramfs_lookup(path, &err);

	(void)fs;
	if (!n)
		return -err;
	ramfs_fill_stat(n, st);
	return 0;
}

static int fs_unlink(void *fs, const char *path)
{
	int err = 0;
	struct ramfs_node *n = ramfs_lookup(path, &err);

	(void)fs;
	if (!n)
		return -err;
	if (S_ISDIR(n->mode))
		return -EISDIR;
	ramfs_detach(n);
	return 0;
}

static int fs_mkdir(void *fs, const char *path, mode_t mode)
{
	const char *name;
	size_t len;
	int err = 0;
	struct ramfs_node *dir = ramfs_parent(path, &name, &len, &err);

	(void)fs;
	if (!dir)
		return -err;
	if (ramfs_find(dir, name, len))
		return -EEXIST;
	return ramfs_create(dir, name, len, S_IFDIR | (mode & 07777)) ? 0 : -ENOMEM;
}

static int fs_rmdir(void *fs, const char *path)
{
	int err = 0;
	struct ramfs_node *n = ramfs_lookup(path, &err);

	(void)fs;
	if (!n)
		return -err;
	if (!S_ISDIR(n->mode))
		return -ENOTDIR;
	if (n == &ramfs_root)
		return -EBUSY;
	if (n->first)
		return -ENOTEMPTY;
	ramfs_detach(n);
	return 0;
}

static int fs_rename(void *fs, const char *from, const char *to)
{
	const char *name;
	size_t len;
	int err = 0;
	struct ramfs_node *n = ramfs_lookup(from, &err);
	struct ramfs_node *dir = n ? ramfs_parent(to, &name, &len, &err) : 0;
	struct ramfs_node *old;
	char *copy;

	(void)fs;
	if (!n || !dir)
		return -err;
	if (n == &ramfs_root)
		return -EBUSY;
	/* A directory cannot move into itself or below. */
	for (struct ramfs_node *up = dir; ; up = up->parent) {
		if (up == n)
			return -EINVAL;
		if (up == &ramfs_root)
			break;
	}
	old = ramfs_find(dir, name, len);
	if (old == n)
		return 0;
	if (old) {
		if (S_ISDIR(n->mode) && !S_ISDIR(old->mode))
			return -ENOTDIR;
		if (!S_ISDIR(n->mode) && S_ISDIR(old->mode))
			return -EISDIR;
		if (S_ISDIR(old->mode) && old->first)
			return -ENOTEMPTY;
	}
	copy = malloc(len + 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, name, len);
	copy[len] = 0;
	if (old)
		ramfs_detach(old);
	/* Detaching would free a node nothing holds open: hold it while it moves. */
	n->opens++;
	ramfs_detach(n);
	free(n->name);
	ramfs_attach(dir, n, copy);
	n->opens--;
	return 0;
}

static int fs_truncate(void *fs, const char *path, off_t length)
{
	int err = 0;
	struct ramfs_node *n = ramfs_lookup(path, &err);

	(void)fs;
	if (!n)
		return -err;
	if (S_ISDIR(n->mode))
		return -EISDIR;
	if (length < 0)
		return -EINVAL;
	return ramfs_resize(n, (size_t)length);
}

static int fs_chmod(void *fs, const char *path, mode_t mode)
{
	int err = 0;
	struct ramfs_node *n = ramfs_lookup(path, &err);

	(void)fs;
	if (!n)
		return -err;
	n->mode = (n->mode & S_IFMT) | (mode & 07777);
	return 0;
}

static int fs_opendir(void *fs, const char *path, void **out)
{
	int err = 0;
	struct ramfs_node *n = ramfs_lookup(path, &err);
	struct ramfs_cursor *c;

	(void)fs;
	if (!n)
		return -err;
	if (!S_ISDIR(n->mode))
		return -ENOTDIR;
	c = malloc(sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->dir = n;
	c->given = 0;
	n->opens++;
	*out = c;
	return 0;
}

/*
 * Entries are ".", "..", then the directory's in creation order. The
 * cursor counts what it gave rather than pointing at a node, so entries
 * removed meanwhile cannot leave it dangling.
 */
static int fs_readdir(void *fs, void *cursor, struct dirent *out)
{
	struct ramfs_cursor *c = cursor;
	const struct ramfs_node *n = 0;
	const char *name;
	size_t i;

	(void)fs;
	if (c->given == 0) {
		n = c->dir;
		name = ".";
	} else if (c->given == 1) {
		n = c->dir->parent;
		name = "..";
	} else {
		n = c->dir->linked ? c->dir->first : 0;
		for (i = 2; n && i < c->given; i++)
			n = n->next;
		if (!n)
			return 0;
		name = n->name;
	}
	out->d_ino = n->ino;
	out->d_type = S_ISDIR(n->mode) ? DT_DIR : DT_REG;
	strncpy(out->d_name, name, sizeof(out->d_name) - 1);
	out->d_name[sizeof(out->d_name) - 1] = 0;
	c->given++;
	return 1;
}

static void fs_rewinddir(void *fs, void *cursor)
{
	(void)fs;
	((struct ramfs_cursor *)cursor)->given = 0;
}

static void fs_closedir(void *fs, void *cursor)
{
	struct ramfs_cursor *c = cursor;

	(void)fs;
	ramfs_put(c->dir);
	free(c);
}

const struct kiln_vfs_ops ramfs_vfs_ops = {
	.open = fs_open,
	.stat = fs_stat,
	.unlink = fs_unlink,
	.mkdir = fs_mkdir,
	.rmdir = fs_rmdir,
	.rename = fs_rename,
	.truncate = fs_truncate,
	.chmod = fs_chmod,
	.opendir = fs_opendir,
	.readdir = fs_readdir,
	.rewinddir = fs_rewinddir,
	.closedir = fs_closedir,
};

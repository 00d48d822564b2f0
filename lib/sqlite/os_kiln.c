/* SPDX-License-Identifier: MIT */
/*
 * SQLite's operating system layer on Kiln (SQLITE_OS_OTHER): a VFS named
 * "kiln" over the POSIX calls (open, pread, pwrite, ftruncate, fsync,
 * fstat, unlink, access), so databases live in whatever file system is
 * mounted (the RAM file system), and sqlite3_os_init()/sqlite3_os_end().
 *
 * Locking follows SQLite's five levels between the connections of this
 * one process, in a table keyed by the file's inode: there is no other
 * process to lock against.
 *
 * Write-ahead logging (PRAGMA journal_mode=WAL) needs the wal-index, the
 * "shared memory" every connection to the database maps. One process in
 * one address space needs no file for it: the regions are heap blocks
 * kept with the database's lock entry, mapped by every connection to the
 * same inode, with SQLite's eight WAL locks (shared and exclusive) kept
 * beside them. They live while any connection has them mapped; SQLite
 * rebuilds the wal-index from the WAL file when it maps it afresh.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <kiln/time.h>
#include "sqlite3.h"

/**
 * struct kiln_shm - a database's wal-index, shared by the connections that map it.
 * @regions:  @count regions of @size bytes each, zeroed when made
 * @mappers:  connections that have it mapped; the regions go with the last
 * @shared:   per WAL lock, how many connections hold it shared
 * @owner:    per WAL lock, the connection holding it exclusive, or NULL
 */
struct kiln_shm {
	void **regions;
	int count;
	int size;
	unsigned int mappers;
	unsigned int shared[SQLITE_SHM_NLOCK];
	void *owner[SQLITE_SHM_NLOCK];
};

/** struct kiln_lock - the lock state of one file, shared by every connection that has it open. */
struct kiln_lock {
	ino_t ino;
	unsigned int users;    /* open kiln_file structures */
	unsigned int shared;   /* of which at SHARED or above */
	void *writer;          /* the one at RESERVED, PENDING or EXCLUSIVE */
	int pending;           /* the writer waits for readers to leave */
	int exclusive;         /* the writer has it all */
	struct kiln_shm shm;   /* the wal-index, when the database is in WAL mode */
	struct kiln_lock *next;
};

/**
 * struct kiln_file - an open file, as SQLite's sqlite3_file.
 * @shm_mapped: this connection has the wal-index mapped
 * @shm_shared, @shm_excl: the WAL locks it holds, one bit per lock
 */
struct kiln_file {
	sqlite3_file base;
	int fd;
	int level;
	struct kiln_lock *lock;
	int shm_mapped;
	unsigned int shm_shared;
	unsigned int shm_excl;
};

static int kiln_shm_unmap(sqlite3_file *file, int delete_flag);

static struct kiln_lock *locks;

static struct kiln_lock *lock_for(ino_t ino)
{
	struct kiln_lock *l;

	for (l = locks; l; l = l->next)
		if (l->ino == ino)
			return l;
	l = calloc(1, sizeof(*l));
	if (!l)
		return 0;
	l->ino = ino;
	l->next = locks;
	locks = l;
	return l;
}

static void lock_put(struct kiln_lock *l)
{
	struct kiln_lock **p;

	if (--l->users)
		return;
	for (p = &locks; *p != l; p = &(*p)->next)
		;
	*p = l->next;
	free(l);
}

static int kiln_close(sqlite3_file *file)
{
	struct kiln_file *f = (struct kiln_file *)file;

	if (f->shm_mapped)
		kiln_shm_unmap(file, 0);
	if (f->lock)
		lock_put(f->lock);
	return close(f->fd) ? SQLITE_IOERR_CLOSE : SQLITE_OK;
}

static int kiln_read(sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
	struct kiln_file *f = (struct kiln_file *)file;
	ssize_t got = pread(f->fd, buf, (size_t)amount, (off_t)offset);

	if (got < 0)
		return SQLITE_IOERR_READ;
	if (got < amount) {
		/* SQLite wants the rest zeroed when it reads past the end. */
		memset((char *)buf + got, 0, (size_t)(amount - got));
		return SQLITE_IOERR_SHORT_READ;
	}
	return SQLITE_OK;
}

static int kiln_write(sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
	struct kiln_file *f = (struct kiln_file *)file;
	const char *p = buf;

	while (amount > 0) {
		ssize_t put = pwrite(f->fd, p, (size_t)amount, (off_t)offset);

		if (put <= 0)
			return errno == ENOMEM || errno == ENOSPC ? SQLITE_FULL : SQLITE_IOERR_WRITE;
		p += put;
		offset += put;
		amount -= (int)put;
	}
	return SQLITE_OK;
}

static int kiln_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	return ftruncate(((struct kiln_file *)file)->fd, (off_t)size) ? SQLITE_IOERR_TRUNCATE : SQLITE_OK;
}

static int kiln_sync(sqlite3_file *file, int flags)
{
	(void)flags;
	return fsync(((struct kiln_file *)file)->fd) ? SQLITE_IOERR_FSYNC : SQLITE_OK;
}

static int kiln_file_size(sqlite3_file *file, sqlite3_int64 *size)
{
	struct stat st;

	if (fstat(((struct kiln_file *)file)->fd, &st))
		return SQLITE_IOERR_FSTAT;
	*size = st.st_size;
	return SQLITE_OK;
}

/*
 * Taking a lock: SHARED unless a writer is pending or exclusive;
 * RESERVED unless another connection is the writer; EXCLUSIVE once the
 * other readers are gone (PENDING meanwhile, which keeps new readers out).
 */
static int kiln_lock(sqlite3_file *file, int level)
{
	struct kiln_file *f = (struct kiln_file *)file;
	struct kiln_lock *l = f->lock;

	if (f->level >= level)
		return SQLITE_OK;
	if (level == SQLITE_LOCK_SHARED) {
		if (l->pending || l->exclusive)
			return SQLITE_BUSY;
		l->shared++;
		f->level = level;
		return SQLITE_OK;
	}
	if (l->writer && l->writer != f)
		return SQLITE_BUSY;
	l->writer = f;
	if (level == SQLITE_LOCK_RESERVED) {
		f->level = level;
		return SQLITE_OK;
	}
	l->pending = 1;
	f->level = SQLITE_LOCK_PENDING;
	if (level == SQLITE_LOCK_EXCLUSIVE) {
		if (l->shared > 1)
			return SQLITE_BUSY;
		l->exclusive = 1;
		f->level = level;
	}
	return SQLITE_OK;
}

static int kiln_unlock(sqlite3_file *file, int level)
{
	struct kiln_file *f = (struct kiln_file *)file;
	struct kiln_lock *l = f->lock;

	if (f->level <= level)
		return SQLITE_OK;
	if (f->level >= SQLITE_LOCK_RESERVED) {
		l->writer = 0;
		l->pending = 0;
		l->exclusive = 0;
	}
	if (level == SQLITE_LOCK_NONE && f->level >= SQLITE_LOCK_SHARED)
		l->shared--;
	f->level = level;
	return SQLITE_OK;
}

static int kiln_check_reserved(sqlite3_file *file, int *out)
{
	struct kiln_file *f = (struct kiln_file *)file;

	*out = f->lock->writer != 0 && f->lock->writer != f;
	return SQLITE_OK;
}

static int kiln_file_control(sqlite3_file *file, int op, void *arg)
{
	(void)file;
	(void)op;
	(void)arg;
	return SQLITE_NOTFOUND;
}

static int kiln_sector_size(sqlite3_file *file)
{
	(void)file;
	return 512;
}

/* RAM: a write of a sector never tears, appends never leave garbage, writes land in order. */
static int kiln_device_characteristics(sqlite3_file *file)
{
	(void)file;
	return SQLITE_IOCAP_POWERSAFE_OVERWRITE | SQLITE_IOCAP_SAFE_APPEND | SQLITE_IOCAP_SEQUENTIAL |
	       SQLITE_IOCAP_UNDELETABLE_WHEN_OPEN;
}

/*
 * The wal-index region @region of @size bytes (SQLite asks 32 KiB at a
 * time), made when @extend says so; *@out is NULL when it is not there
 * and need not be made.
 */
static int kiln_shm_map(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
	struct kiln_file *f = (struct kiln_file *)file;
	struct kiln_shm *shm = &f->lock->shm;

	*out = 0;
	if (shm->count && shm->size != size)
		return SQLITE_IOERR_SHMSIZE;
	if (!f->shm_mapped) {
		f->shm_mapped = 1;
		shm->mappers++;
	}
	if (region >= shm->count) {
		void **regions;

		if (!extend)
			return SQLITE_OK;
		regions = realloc(shm->regions, (size_t)(region + 1) * sizeof(*regions));
		if (!regions)
			return SQLITE_IOERR_NOMEM;
		shm->regions = regions;
		for (; shm->count <= region; shm->count++) {
			shm->regions[shm->count] = calloc(1, (size_t)size);
			if (!shm->regions[shm->count])
				return SQLITE_IOERR_NOMEM;
		}
		shm->size = size;
	}
	*out = shm->regions[region];
	return SQLITE_OK;
}

/*
 * WAL locks @offset to @offset + @n - 1, taken or released, shared or
 * exclusive, as @flags says. Exclusive needs nobody else holding any of
 * them; shared needs nobody else holding it exclusive.
 */
static int kiln_shm_lock(sqlite3_file *file, int offset, int n, int flags)
{
	struct kiln_file *f = (struct kiln_file *)file;
	struct kiln_shm *shm = &f->lock->shm;
	unsigned int mask = ((1u << n) - 1) << offset;

	if (offset < 0 || n < 1 || offset + n > SQLITE_SHM_NLOCK)
		return SQLITE_IOERR_SHMLOCK;
	if (flags & SQLITE_SHM_UNLOCK) {
		for (int i = offset; i < offset + n; i++) {
			if ((f->shm_shared >> i) & 1)
				shm->shared[i]--;
			if (shm->owner[i] == f)
				shm->owner[i] = 0;
		}
		f->shm_shared &= ~mask;
		f->shm_excl &= ~mask;
		return SQLITE_OK;
	}
	for (int i = offset; i < offset + n; i++) {
		unsigned int others = shm->shared[i] - ((f->shm_shared >> i) & 1);

		if (shm->owner[i] && shm->owner[i] != f)
			return SQLITE_BUSY;
		if ((flags & SQLITE_SHM_EXCLUSIVE) && others)
			return SQLITE_BUSY;
	}
	for (int i = offset; i < offset + n; i++) {
		if (flags & SQLITE_SHM_EXCLUSIVE) {
			shm->owner[i] = f;
		} else if (!((f->shm_shared >> i) & 1)) {
			shm->shared[i]++;
		}
	}
	if (flags & SQLITE_SHM_EXCLUSIVE)
		f->shm_excl |= mask;
	else
		f->shm_shared |= mask;
	return SQLITE_OK;
}

/* One core, one address space: ordering the compiler's and the CPU's memory accesses is enough. */
static void kiln_shm_barrier(sqlite3_file *file)
{
	(void)file;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

/* The connection lets the wal-index go; the last one frees it (there is no file to keep it in). */
static int kiln_shm_unmap(sqlite3_file *file, int delete_flag)
{
	struct kiln_file *f = (struct kiln_file *)file;
	struct kiln_shm *shm = &f->lock->shm;

	(void)delete_flag;
	if (!f->shm_mapped)
		return SQLITE_OK;
	kiln_shm_lock(file, 0, SQLITE_SHM_NLOCK, SQLITE_SHM_UNLOCK);
	f->shm_mapped = 0;
	if (--shm->mappers == 0) {
		for (int i = 0; i < shm->count; i++)
			free(shm->regions[i]);
		free(shm->regions);
		memset(shm, 0, sizeof(*shm));
	}
	return SQLITE_OK;
}

static const sqlite3_io_methods kiln_io = {
	.iVersion = 2,
	.xClose = kiln_close,
	.xRead = kiln_read,
	.xWrite = kiln_write,
	.xTruncate = kiln_truncate,
	.xSync = kiln_sync,
	.xFileSize = kiln_file_size,
	.xLock = kiln_lock,
	.xUnlock = kiln_unlock,
	.xCheckReservedLock = kiln_check_reserved,
	.xFileControl = kiln_file_control,
	.xSectorSize = kiln_sector_size,
	.xDeviceCharacteristics = kiln_device_characteristics,
	.xShmMap = kiln_shm_map,
	.xShmLock = kiln_shm_lock,
	.xShmBarrier = kiln_shm_barrier,
	.xShmUnmap = kiln_shm_unmap,
};

static int kiln_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
	static unsigned int temp_files;
	struct kiln_file *f = (struct kiln_file *)file;
	char temp[32];
	int oflags = flags & SQLITE_OPEN_READWRITE ? O_RDWR : O_RDONLY;
	struct stat st;

	(void)vfs;
	memset(f, 0, sizeof(*f));
	if (!name) {
		/* A temporary file SQLite asked for without a name: give it one, and delete it on close. */
		snprintf(temp, sizeof(temp), "/.sqlite-temp-%u", ++temp_files);
		name = temp;
		flags |= SQLITE_OPEN_DELETEONCLOSE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE;
	}
	if (flags & SQLITE_OPEN_CREATE)
		oflags |= O_CREAT;
	if (flags & SQLITE_OPEN_EXCLUSIVE)
		oflags |= O_EXCL;
	f->fd = open(name, oflags, 0644);
	if (f->fd < 0)
		return SQLITE_CANTOPEN;
	/* The file stays readable while open after its name goes (SQLITE_IOCAP_UNDELETABLE_WHEN_OPEN). */
	if (flags & SQLITE_OPEN_DELETEONCLOSE)
		unlink(name);
	if (fstat(f->fd, &st) || !(f->lock = lock_for(st.st_ino))) {
		close(f->fd);
		return SQLITE_CANTOPEN;
	}
	f->lock->users++;
	f->base.pMethods = &kiln_io;
	if (out_flags)
		*out_flags = flags;
	return SQLITE_OK;
}

static int kiln_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs;
	(void)sync_dir;
	if (unlink(name) == 0)
		return SQLITE_OK;
	return errno == ENOENT ? SQLITE_IOERR_DELETE_NOENT : SQLITE_IOERR_DELETE;
}

static int kiln_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	struct stat st;

	(void)vfs;
	if (stat(name, &st)) {
		*out = 0;
		return SQLITE_OK;
	}
	/* As SQLite's unix VFS: an empty regular file does not count as existing. */
	*out = flags == SQLITE_ACCESS_EXISTS ? !S_ISREG(st.st_mode) || st.st_size > 0 : 1;
	return SQLITE_OK;
}

static int kiln_full_pathname(sqlite3_vfs *vfs, const char *name, int len, char *out)
{
	size_t cwd;

	(void)vfs;
	if (name[0] == '/') {
		sqlite3_snprintf(len, out, "%s", name);
		return SQLITE_OK;
	}
	if (!getcwd(out, (size_t)len))
		return SQLITE_CANTOPEN_FULLPATH;
	cwd = strlen(out);
	sqlite3_snprintf(len - (int)cwd, out + cwd, "%s%s", cwd > 1 ? "/" : "", name);
	return SQLITE_OK;
}

/*
 * Not random in any strong sense: the counter's ticks stirred with
 * xorshift. SQLite uses it for temporary names and for ROWIDs once the
 * largest is taken, not for secrets.
 */
static int kiln_randomness(sqlite3_vfs *vfs, int len, char *out)
{
	static uint64_t state;

	(void)vfs;
	state ^= kiln_time_ticks() | 1;
	for (int i = 0; i < len; i++) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		out[i] = (char)(state >> 32);
	}
	return len;
}

static int kiln_sleep(sqlite3_vfs *vfs, int us)
{
	(void)vfs;
	usleep((useconds_t)us);
	return us;
}

/* Julian day number of the Unix epoch, in milliseconds. */
#define UNIX_EPOCH_JD_MS 210866760000000ll

static int kiln_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	struct timeval now;

	(void)vfs;
	gettimeofday(&now, 0);
	*out = UNIX_EPOCH_JD_MS + (sqlite3_int64)now.tv_sec * 1000 + now.tv_usec / 1000;
	return SQLITE_OK;
}

static int kiln_current_time(sqlite3_vfs *vfs, double *out)
{
	sqlite3_int64 ms;

	kiln_current_time_int64(vfs, &ms);
	*out = (double)ms / 86400000.0;
	return SQLITE_OK;
}

static int kiln_get_last_error(sqlite3_vfs *vfs, int len, char *out)
{
	(void)vfs;
	(void)len;
	(void)out;
	return errno;
}

static sqlite3_vfs kiln_vfs = {
	.iVersion = 2,
	.szOsFile = sizeof(struct kiln_file),
	.mxPathname = 256,
	.zName = "kiln",
	.xOpen = kiln_open,
	.xDelete = kiln_delete,
	.xAccess = kiln_access,
	.xFullPathname = kiln_full_pathname,
	.xRandomness = kiln_randomness,
	.xSleep = kiln_sleep,
	.xCurrentTime = kiln_current_time,
	.xGetLastError = kiln_get_last_error,
	.xCurrentTimeInt64 = kiln_current_time_int64,
};

int sqlite3_os_init(void)
{
	return sqlite3_vfs_register(&kiln_vfs, 1);
}

int sqlite3_os_end(void)
{
	return SQLITE_OK;
}

/* SPDX-License-Identifier: MIT */
/*
 * Directory streams: opendir(), readdir(), closedir().
 *
 * picolibc's <dirent.h> refuses to compile on a system without
 * directories; with the VFS in the image this header comes first on the
 * include path and takes its place.
 */
#ifndef KILN_DIRENT_H
#define KILN_DIRENT_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef NAME_MAX
#define NAME_MAX 255
#endif

/* d_type values, as on Linux and the BSDs. */
#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_BLK     6
#define DT_REG     8
#define DT_LNK     10
#define DT_SOCK    12

/** struct dirent - one directory entry. */
struct dirent {
	ino_t d_ino;
	unsigned char d_type;
	char d_name[NAME_MAX + 1];
};

/** An open directory stream (opaque). */
typedef struct kiln_dir DIR;

DIR *opendir(const char *path);
struct dirent *readdir(DIR *dir);
int readdir_r(DIR *dir, struct dirent *entry, struct dirent **result);
void rewinddir(DIR *dir);
int closedir(DIR *dir);

#ifdef __cplusplus
}
#endif

#endif /* KILN_DIRENT_H */

/* SPDX-License-Identifier: MIT */
/*
 * The file tree embedded in an image, for the generated files.c that
 * defines it (kiln synth writes one into every image with the RAM file
 * system) and the RAM file system that reads it at boot.
 */
#ifndef KILN_RAMFS_SEED_H
#define KILN_RAMFS_SEED_H

#include <stddef.h>

/**
 * struct kiln_ramfs_seed - one embedded file or directory.
 * @path: absolute path in the image's file system
 * @data: the file's bytes (NULL for a directory); they stay in the
 *        image's read-only data until the file is first written
 * @size: how many
 * @mode: type and permission bits (S_IFREG | 0644, S_IFDIR | 0755...)
 *
 * Parent directories are created as needed; entries come parents first.
 */
struct kiln_ramfs_seed {
	const char *path;
	const unsigned char *data;
	size_t size;
	unsigned int mode;
};

/** The image's embedded tree, from the generated files.c. */
extern const struct kiln_ramfs_seed kiln_ramfs_seeds[];

/** How many entries kiln_ramfs_seeds has. */
extern const size_t kiln_ramfs_seed_count;

#endif /* KILN_RAMFS_SEED_H */

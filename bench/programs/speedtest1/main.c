/* SPDX-License-Identifier: MIT */
/*
 * SQLite's speedtest1, unmodified: its source stays in Debian's sqlite3
 * tree in the user cache (the same tree lib/sqlite builds from), which
 * the image gives as an include folder, so only this file is in the
 * project.
 */
#include "speedtest1.c"

/* SPDX-License-Identifier: MIT */
/*
 * SQLite's public header, as Kiln builds SQLite.
 *
 * Every SQLite source includes "sqlite3.h" (through sqliteInt.h) before
 * any of its configuration takes effect, and the header is not in the
 * source tree (SQLite's build generates it): so this file, first on the
 * include path, is where Kiln's compile-time configuration goes, followed
 * by the header SQLite's own tool generated (generate.sh), next on the
 * include path.
 *
 * The options touch neither the grammar nor the keyword table, which
 * were generated without options (generate.sh): SQLITE_OMIT_JSON only
 * leaves the JSON functions out, and the extensions are virtual tables
 * and functions, not syntax.
 */
#ifndef KILN_SQLITE3_H
#define KILN_SQLITE3_H

/* The operating system layer is Kiln's: a VFS over its POSIX calls (os_kiln.c). */
#define SQLITE_OS_OTHER 1

/*
 * No mutexes: Kiln's threads are cooperative and one connection is used
 * by one thread at a time (SQLite's "single-thread" mode).
 */
#define SQLITE_THREADSAFE 0

/* Temporary tables, indices and statement journals stay in memory. */
#define SQLITE_TEMP_STORE 3

/* No memory-mapped I/O and no loadable extensions: Kiln has neither mmap() nor dlopen(). */
#define SQLITE_MAX_MMAP_SIZE 0
#define SQLITE_OMIT_LOAD_EXTENSION 1

/*
 * The extensions (FTS5, RTREE) are part of the library, not loaded: as
 * main.mk compiles them, with SQLITE_CORE, so that sqlite3_open() calls
 * their init functions. Without loadable extensions sqlite3ext.h changes
 * nothing else, here or in an application's code.
 */
#define SQLITE_CORE 1

/*
 * The features lib/sqlite/Kconfig lets an image choose; each is on by
 * default, as in Debian's sqlite3. The extensions' sources are in the
 * build only when their option is on (library.yaml).
 */
#include <kiln/config.h>
#ifdef CONFIG_LIBSQLITE_FTS5
#define SQLITE_ENABLE_FTS5 1
#endif
#ifdef CONFIG_LIBSQLITE_RTREE
#define SQLITE_ENABLE_RTREE 1
#endif
#ifndef CONFIG_LIBSQLITE_JSON
#define SQLITE_OMIT_JSON 1
#endif
#ifdef CONFIG_LIBSQLITE_MATH_FUNCTIONS
#define SQLITE_ENABLE_MATH_FUNCTIONS 1
#endif
#ifdef CONFIG_LIBSQLITE_DBSTAT
#define SQLITE_ENABLE_DBSTAT_VTAB 1
#endif

#include_next <sqlite3.h>

#endif /* KILN_SQLITE3_H */

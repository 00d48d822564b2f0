/* SPDX-License-Identifier: MIT */
/*
 * SQLite's internal header, for the sources generate.sh writes (parse.c),
 * which live outside the upstream tree and so do not find it beside them.
 */
#include "../upstream/src/sqliteInt.h"

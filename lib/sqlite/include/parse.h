/* SPDX-License-Identifier: MIT */
/* SQLite's generated parse.h (lib/sqlite/generate.sh writes it into lib/sqlite/generated). */
#include "../generated/parse.h"

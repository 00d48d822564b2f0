/* SPDX-License-Identifier: MIT */
/* SQLite's generated keywordhash.h (lib/sqlite/generate.sh writes it into lib/sqlite/generated). */
#include "../generated/keywordhash.h"

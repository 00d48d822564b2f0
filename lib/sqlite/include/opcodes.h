/* SPDX-License-Identifier: MIT */
/* SQLite's generated opcodes.h (lib/sqlite/generate.sh writes it into lib/sqlite/generated). */
#include "../generated/opcodes.h"

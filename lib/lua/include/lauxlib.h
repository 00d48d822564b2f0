/* SPDX-License-Identifier: MIT */
/* Lua's public header lauxlib.h, from the upstream source Kiln fetched (lib/lua/upstream). */
#include "../upstream/src/lauxlib.h"

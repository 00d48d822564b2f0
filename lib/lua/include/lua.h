/* SPDX-License-Identifier: MIT */
/* Lua's public header lua.h, from the upstream source Kiln fetched (lib/lua/upstream). */
#include "../upstream/src/lua.h"

/* SPDX-License-Identifier: MIT */
/* Lua's public header luaconf.h, from the upstream source Kiln fetched (lib/lua/upstream). */
#include "../upstream/src/luaconf.h"

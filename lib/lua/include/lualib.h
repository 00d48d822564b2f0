/* SPDX-License-Identifier: MIT */
/* Lua's public header lualib.h, from the upstream source Kiln fetched (lib/lua/upstream). */
#include "../upstream/src/lualib.h"

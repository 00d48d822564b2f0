/* SPDX-License-Identifier: MIT */
/*
 * Redis's Lua cjson module, compiled as deps/Makefile compiles it: with
 * ENABLE_CJSON_GLOBAL, so that scripts find the global "cjson" table.
 * (Kiln's libraries carry no per-library compiler flags, hence this file.)
 */
#define ENABLE_CJSON_GLOBAL 1
#include "lua_cjson.c"

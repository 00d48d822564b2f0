/* SPDX-License-Identifier: MIT */
/*
 * Debian's luaconf.h includes this header, which Debian's build writes
 * (debian/rules) to name the multiarch triplet of C module paths. Kiln's
 * build supplies it instead: Kiln loads no C modules, so the name only
 * shows in package.cpath.
 */
#ifndef KILN_LUA_DEB_MULTIARCH_H
#define KILN_LUA_DEB_MULTIARCH_H

#define DEB_HOST_MULTIARCH "aarch64-kiln"

#endif /* KILN_LUA_DEB_MULTIARCH_H */

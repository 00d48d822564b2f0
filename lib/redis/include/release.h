/* SPDX-License-Identifier: MIT */
/*
 * What src/mkreleasehdr.sh writes from git: Debian's source is no git
 * checkout, so Debian's build gets 00000000 and 0 too. The build id is
 * fixed so that an image is the same bytes every time it is built.
 */
#define REDIS_GIT_SHA1 "00000000"
#define REDIS_GIT_DIRTY "0"
#define REDIS_BUILD_ID "kiln"

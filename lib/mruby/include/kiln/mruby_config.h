/* SPDX-License-Identifier: MIT */
/*
 * The defines mruby's build gives every source of a target with Kiln's
 * gems, which every file that includes <mruby.h> must see first (mruby's
 * own mrbconf.h has no hook for them): the rational and complex gems ask
 * for theirs, and Kiln does without pre-registered symbols (the build's
 * symbol scan), as mruby's disable_presym configuration does; and one
 * for the platform. The generated sources (generate.sh) start with this
 * header.
 */
#ifndef KILN_MRUBY_CONFIG_H
#define KILN_MRUBY_CONFIG_H

#define MRB_NO_PRESYM 1
#define MRB_USE_RATIONAL 1
#define MRB_USE_COMPLEX 1

/*
 * Whether a pointer is into read-only data, so that mruby can use string
 * literals and bytecode where they are instead of copying them: Kiln's
 * linker script has no etext and edata, which mrbconf.h would use on
 * Linux (the cross compiler says __linux__); ro_data.c answers from its
 * .rodata bounds. (mruby 3.1's value.h also wants MRB_LINK_TIME_RO_DATA_P
 * for it, or it turns every mrb_ro_data_p() into FALSE.)
 */
#define MRB_USE_CUSTOM_RO_DATA_P 1
#define MRB_LINK_TIME_RO_DATA_P 1

#endif /* KILN_MRUBY_CONFIG_H */

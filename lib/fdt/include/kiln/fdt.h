/* SPDX-License-Identifier: MIT */
/*
 * Flattened device tree reader: the blob a loader hands over (x0 on arm64),
 * read in place, never written.
 *
 * The format is the Devicetree Specification's (v0.4, chapter 5): a
 * 40-byte big-endian header, the memory reservation block (pairs of
 * 64-bit address and size, ending with a zero pair), the structure block
 * (32-bit tokens: BEGIN_NODE name, PROP len nameoff value, END_NODE, NOP,
 * END; everything 4-byte aligned) and the strings block (property names).
 *
 * Every read is an aligned 32-bit load or a byte load (and images are
 * compiled with -mstrict-align, so the compiler merges none into an
 * unaligned one): the blob is read before the MMU is on, when all data
 * accesses are to Device memory, where an unaligned access faults on
 * real cores (QEMU does not fault them, so no test would tell).
 *
 * A node is named by its offset in the structure block (that of its
 * BEGIN_NODE token); functions returning one return a negative errno
 * value when there is none.
 */
#ifndef KILN_FDT_H
#define KILN_FDT_H

#include <stddef.h>
#include <stdint.h>

/* Header fields (Devicetree Specification 5.2). */
#define KILN_FDT_MAGIC         (0xd00dfeedu)
/* The oldest layout this reader understands: version 17, which dtc, QEMU and U-Boot write (16 lacks size_dt_struct). */
#define KILN_FDT_MIN_VERSION   (17)
/* The boot protocol puts the blob on an 8-byte boundary and bounds it at 2 MiB. */
#define KILN_FDT_MAX_SIZE      (0x200000u)

/* Cell counts when a node does not say (Devicetree Specification 2.3.5). */
#define KILN_FDT_DEFAULT_ADDRESS_CELLS  (2)
#define KILN_FDT_DEFAULT_SIZE_CELLS     (1)

/**
 * kiln_fdt_check() - whether @blob is a device tree this reader can walk.
 * @blob: the header's address (must be 8-byte aligned)
 * @room: bytes that may be read from @blob at most
 *
 * Checks the magic, the version, the total size against @room, and that
 * each block lies inside the total size, suitably aligned.
 *
 * Return: 0, -EINVAL (not a device tree: misaligned, bad magic, blocks out
 * of bounds) or -ENOTSUP (a version this reader does not understand).
 */
int kiln_fdt_check(const void *blob, size_t room);

/** kiln_fdt_size() - the blob's total size in bytes, from its header. */
uint32_t kiln_fdt_size(const void *blob);

/**
 * kiln_fdt_reservation() - the @n-th entry of the memory reservation block.
 * @blob: a checked blob
 * @n:    0 for the first
 * @base: set to the reservation's address
 * @size: set to its size
 *
 * Return: 0, or -ENOENT past the last entry.
 */
int kiln_fdt_reservation(const void *blob, unsigned int n, uint64_t *base, uint64_t *size);

/**
 * kiln_fdt_next_node() - the node after @node in document order.
 * @blob:  a checked blob
 * @node:  a node's offset, or -1 to start at the root
 * @depth: in: @node's depth (ignored for -1); out: the returned node's
 *         depth (the root is 0)
 *
 * Return: the next node's offset, or -ENOENT at the end of the tree,
 * -EINVAL when the structure block is malformed.
 */
int kiln_fdt_next_node(const void *blob, int node, int *depth);

/**
 * kiln_fdt_name() - a node's name with its unit address ("memory@40000000"), "" for the root.
 */
const char *kiln_fdt_name(const void *blob, int node);

/**
 * kiln_fdt_path() - the node at @path.
 * @blob:   a checked blob
 * @path:   absolute ("/chosen", "/soc/serial@7e201000"); a component
 *          without '@' also matches a node that has a unit address
 *          ("/memory" finds "memory@40000000"), as in Linux and libfdt
 * @len:    bytes of @path to consider (a stdout-path ends at ':')
 * @parent: if not NULL, set to the found node's parent (-ENOENT for the root)
 *
 * Return: the node's offset, or -ENOENT.
 */
int kiln_fdt_path(const void *blob, const char *path, size_t len, int *parent);

/**
 * kiln_fdt_prop() - a property of @node.
 * @blob: a checked blob
 * @node: a node's offset
 * @name: the property's name
 * @len:  if not NULL, set to the value's length in bytes
 *
 * Return: the value (4-byte aligned), or NULL when @node has no such property.
 */
const void *kiln_fdt_prop(const void *blob, int node, const char *name, uint32_t *len);

/**
 * kiln_fdt_u32() - a one-cell property of @node, or @fallback when absent or not one cell.
 */
uint32_t kiln_fdt_u32(const void *blob, int node, const char *name, uint32_t fallback);

/**
 * kiln_fdt_cells() - a value of @cells 32-bit big-endian cells (1 or 2) at @value.
 */
uint64_t kiln_fdt_cells(const void *value, unsigned int cells);

/**
 * kiln_fdt_has_string() - whether the string list property @name of @node holds @string.
 *
 * For compatible and device_type, whose values are NUL-separated lists.
 */
int kiln_fdt_has_string(const void *blob, int node, const char *name, const char *string);

/**
 * kiln_fdt_find_compatible() - the first node after @from whose compatible lists @compatible.
 * @from: a node's offset, or -1 to search from the root
 *
 * Return: the node's offset, or -ENOENT.
 */
int kiln_fdt_find_compatible(const void *blob, int from, const char *compatible);

/**
 * struct kiln_fdt_reg - one (address, size) pair of a reg property.
 */
struct kiln_fdt_reg {
	uint64_t base;
	uint64_t size;
};

/**
 * kiln_fdt_reg() - the @n-th (address, size) pair of @node's reg.
 * @blob:   a checked blob
 * @node:   the node
 * @parent: its parent, whose #address-cells and #size-cells say how
 *          reg is laid out (the root's defaults apply when it is absent)
 * @n:      0 for the first pair
 * @out:    set to the pair
 *
 * The address is the one on the parent's bus: for children of the root
 * (memory, reserved-memory's children on most boards) the CPU's address.
 *
 * Return: 0, -ENOENT past the last pair or without reg, -ERANGE when the
 * cells do not fit 64 bits.
 */
int kiln_fdt_reg(const void *blob, int node, int parent, unsigned int n, struct kiln_fdt_reg *out);

/**
 * kiln_fdt_translate() - @address on @node's bus as the CPU sees it.
 * @blob:    a checked blob
 * @node:    the node whose reg holds @address
 * @address: the address
 * @out:     set to the CPU's address
 *
 * Follows the ranges properties of @node's ancestors up to the root (an
 * empty ranges maps one to one).
 *
 * Return: 0, or -ENOENT when a bus on the way has no ranges (its
 * children are not memory-mapped) or none covers the address.
 */
int kiln_fdt_translate(const void *blob, int node, uint64_t address, uint64_t *out);

#endif /* KILN_FDT_H */

/* SPDX-License-Identifier: MIT */
/*
 * Flattened device tree reader (see <kiln/fdt.h>). No state, no
 * allocation: every function reads the blob it is given.
 *
 * Loads are aligned words or bytes (the blob is read with the MMU off)
 * and string comparisons are byte loops of our own: the C library's
 * word-at-a-time routines may load across alignment.
 */
#include <errno.h>
#include <stdint.h>
#include <kiln/fdt.h>

/* Header (Devicetree Specification 5.2): ten big-endian 32-bit fields. */
#define HDR_MAGIC              (0)
#define HDR_TOTALSIZE          (1)
#define HDR_OFF_DT_STRUCT      (2)
#define HDR_OFF_DT_STRINGS     (3)
#define HDR_OFF_MEM_RSVMAP     (4)
#define HDR_VERSION            (5)
#define HDR_LAST_COMP_VERSION  (6)
#define HDR_SIZE_DT_STRINGS    (8)
#define HDR_SIZE_DT_STRUCT     (9)
#define HDR_BYTES              (40)

/* Structure block tokens (5.4.1). */
#define FDT_BEGIN_NODE         (0x1)
#define FDT_END_NODE           (0x2)
#define FDT_PROP               (0x3)
#define FDT_NOP                (0x4)
#define FDT_END                (0x9)

/* Deepest tree kiln_fdt_translate() and the parent search follow. */
#define MAX_DEPTH              (16)

static uint32_t be32(const void *p)
{
	return __builtin_bswap32(*(const uint32_t *)p);
}

static uint32_t header(const void *blob, unsigned int field)
{
	return be32((const uint32_t *)blob + field);
}

static const char *bytes(const void *blob, uint32_t offset)
{
	return (const char *)blob + offset;
}

/* The structure block's word at @offset (in the block), 0 past its end. */
static uint32_t token(const void *blob, uint32_t offset)
{
	if (offset >= header(blob, HDR_SIZE_DT_STRUCT) / 4 * 4)
		return 0;
	return be32(bytes(blob, header(blob, HDR_OFF_DT_STRUCT) + offset));
}

static uint32_t align4(uint32_t n)
{
	return (n + 3) & ~3u;
}

static size_t length(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static int same(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

uint32_t kiln_fdt_size(const void *blob)
{
	return header(blob, HDR_TOTALSIZE);
}

/* Whether [offset, offset + size) lies inside [0, total). */
static int inside(uint32_t offset, uint32_t size, uint32_t total)
{
	return offset <= total && size <= total - offset;
}

int kiln_fdt_check(const void *blob, size_t room)
{
	uint32_t total;

	if (!blob || ((uintptr_t)blob & 7) || room < HDR_BYTES)
		return -EINVAL;
	if (header(blob, HDR_MAGIC) != KILN_FDT_MAGIC)
		return -EINVAL;
	if (header(blob, HDR_VERSION) < KILN_FDT_MIN_VERSION || header(blob, HDR_LAST_COMP_VERSION) > 17)
		return -ENOTSUP;
	total = header(blob, HDR_TOTALSIZE);
	if (total < HDR_BYTES || total > room ||
	    (header(blob, HDR_OFF_MEM_RSVMAP) & 7) || (header(blob, HDR_OFF_DT_STRUCT) & 3) ||
	    !inside(header(blob, HDR_OFF_MEM_RSVMAP), 16, total) ||
	    !inside(header(blob, HDR_OFF_DT_STRINGS), header(blob, HDR_SIZE_DT_STRINGS), total) ||
	    !inside(header(blob, HDR_OFF_DT_STRUCT), header(blob, HDR_SIZE_DT_STRUCT), total) ||
	    token(blob, 0) != FDT_BEGIN_NODE)
		return -EINVAL;
	return 0;
}

int kiln_fdt_reservation(const void *blob, unsigned int n, uint64_t *base, uint64_t *size)
{
	uint32_t total = header(blob, HDR_TOTALSIZE);
	uint32_t offset = header(blob, HDR_OFF_MEM_RSVMAP);

	for (unsigned int i = 0;; i++, offset += 16) {
		const uint32_t *entry = (const uint32_t *)bytes(blob, offset);
		uint64_t b, s;

		if (!inside(offset, 16, total))
			return -ENOENT;
		b = ((uint64_t)be32(&entry[0]) << 32) | be32(&entry[1]);
		s = ((uint64_t)be32(&entry[2]) << 32) | be32(&entry[3]);
		if (!b && !s)
			return -ENOENT;
		if (i == n) {
			*base = b;
			*size = s;
			return 0;
		}
	}
}

/* Offset just past a BEGIN_NODE token and its name at @node. */
static uint32_t after_name(const void *blob, int node)
{
	return align4((uint32_t)node + 4 + (uint32_t)length(kiln_fdt_name(blob, node)) + 1);
}

/* Offset just past the token at @offset (BEGIN_NODE with its name, PROP with its value). */
static int skip(const void *blob, uint32_t offset, uint32_t *next)
{
	switch (token(blob, offset)) {
	case FDT_BEGIN_NODE:
		*next = after_name(blob, (int)offset);
		return FDT_BEGIN_NODE;
	case FDT_PROP:
		*next = offset + 12 + align4(token(blob, offset + 4));
		return FDT_PROP;
	case FDT_END_NODE:
		*next = offset + 4;
		return FDT_END_NODE;
	case FDT_NOP:
		*next = offset + 4;
		return FDT_NOP;
	case FDT_END:
		return FDT_END;
	default:
		return -EINVAL;
	}
}

const char *kiln_fdt_name(const void *blob, int node)
{
	return bytes(blob, header(blob, HDR_OFF_DT_STRUCT) + (uint32_t)node + 4);
}

int kiln_fdt_next_node(const void *blob, int node, int *depth)
{
	uint32_t offset, next;
	int d = *depth;

	if (node < 0) {
		*depth = 0;
		return token(blob, 0) == FDT_BEGIN_NODE ? 0 : -EINVAL;
	}
	offset = after_name(blob, node);
	/* A bound on the walk: every token takes at least four bytes. */
	for (uint32_t steps = header(blob, HDR_TOTALSIZE) / 4; steps; steps--, offset = next) {
		switch (skip(blob, offset, &next)) {
		case FDT_BEGIN_NODE:
			*depth = d + 1;
			return (int)offset;
		case FDT_END_NODE:
			if (--d < 0)
				return -ENOENT;
			break;
		case FDT_PROP:
		case FDT_NOP:
			break;
		case FDT_END:
			return -ENOENT;
		default:
			return -EINVAL;
		}
	}
	return -EINVAL;
}

const void *kiln_fdt_prop(const void *blob, int node, const char *name, uint32_t *len)
{
	uint32_t offset = after_name(blob, node), next;
	size_t want = length(name) + 1;
	const char *strings = bytes(blob, header(blob, HDR_OFF_DT_STRINGS));
	uint32_t strings_size = header(blob, HDR_SIZE_DT_STRINGS);

	for (;;) {
		int kind = skip(blob, offset, &next);

		if (kind == FDT_PROP) {
			uint32_t nameoff = token(blob, offset + 8);

			if (inside(nameoff, (uint32_t)want, strings_size) && same(strings + nameoff, name, want)) {
				if (len)
					*len = token(blob, offset + 4);
				return bytes(blob, header(blob, HDR_OFF_DT_STRUCT) + offset + 12);
			}
		} else if (kind != FDT_NOP) {
			/* Properties come before a node's children: the first other token ends them. */
			return 0;
		}
		offset = next;
	}
}

uint32_t kiln_fdt_u32(const void *blob, int node, const char *name, uint32_t fallback)
{
	uint32_t len;
	const void *value = kiln_fdt_prop(blob, node, name, &len);

	return value && len == 4 ? be32(value) : fallback;
}

uint64_t kiln_fdt_cells(const void *value, unsigned int cells)
{
	const uint32_t *v = value;

	return cells == 2 ? ((uint64_t)be32(&v[0]) << 32) | be32(&v[1]) : cells == 1 ? be32(&v[0]) : 0;
}

int kiln_fdt_has_string(const void *blob, int node, const char *name, const char *string)
{
	uint32_t len;
	const char *list = kiln_fdt_prop(blob, node, name, &len);
	size_t want = length(string) + 1;

	for (uint32_t at = 0; list && at < len;) {
		size_t n = 0;

		while (at + n < len && list[at + n])
			n++;
		if (n + 1 == want && same(list + at, string, want - 1))
			return 1;
		at += (uint32_t)n + 1;
	}
	return 0;
}

int kiln_fdt_find_compatible(const void *blob, int from, const char *compatible)
{
	int depth = 0;

	for (int node = kiln_fdt_next_node(blob, from, &depth); node >= 0; node = kiln_fdt_next_node(blob, node, &depth))
		if (kiln_fdt_has_string(blob, node, "compatible", compatible))
			return node;
	return -ENOENT;
}

/* Whether the node name @name matches path component @c of @n bytes. */
static int component_matches(const char *name, const char *c, size_t n)
{
	int has_address = 0;

	for (size_t i = 0; i < n; i++) {
		if (!name[i] || name[i] != c[i])
			return 0;
		has_address |= c[i] == '@';
	}
	/* "memory" matches "memory@40000000"; a component with an address matches only itself. */
	return name[n] == 0 || (name[n] == '@' && !has_address);
}

int kiln_fdt_path(const void *blob, const char *path, size_t len, int *parent)
{
	int node = 0, up = -ENOENT, depth = 0;
	size_t at = 0;

	if (kiln_fdt_next_node(blob, -1, &depth) != 0 || !len || path[0] != '/')
		return -ENOENT;
	while (at < len) {
		size_t start, n;
		int child, d = depth;

		while (at < len && path[at] == '/')
			at++;
		if (at == len)
			break;
		start = at;
		while (at < len && path[at] != '/')
			at++;
		n = at - start;
		/* The children of node are the nodes one deeper before the walk leaves it. */
		for (child = kiln_fdt_next_node(blob, node, &d); child >= 0 && d > depth;
		     child = kiln_fdt_next_node(blob, child, &d)) {
			if (d == depth + 1 && component_matches(kiln_fdt_name(blob, child), path + start, n))
				break;
		}
		if (child < 0 || d <= depth)
			return -ENOENT;
		up = node;
		node = child;
		depth = d;
	}
	if (parent)
		*parent = up;
	return node;
}

/* The parent of @node, -ENOENT for the root or when deeper than MAX_DEPTH. */
static int parent_of(const void *blob, int node)
{
	int stack[MAX_DEPTH];
	int depth = 0;

	for (int n = kiln_fdt_next_node(blob, -1, &depth); n >= 0; n = kiln_fdt_next_node(blob, n, &depth)) {
		if (depth >= MAX_DEPTH)
			continue;
		stack[depth] = n;
		if (n == node)
			return depth ? stack[depth - 1] : -ENOENT;
	}
	return -ENOENT;
}

int kiln_fdt_reg(const void *blob, int node, int parent, unsigned int n, struct kiln_fdt_reg *out)
{
	unsigned int ac = KILN_FDT_DEFAULT_ADDRESS_CELLS, sc = KILN_FDT_DEFAULT_SIZE_CELLS;
	uint32_t len, pair;
	const uint32_t *reg = kiln_fdt_prop(blob, node, "reg", &len);

	if (parent >= 0) {
		ac = kiln_fdt_u32(blob, parent, "#address-cells", ac);
		sc = kiln_fdt_u32(blob, parent, "#size-cells", sc);
	}
	if (ac > 2 || sc > 2 || ac == 0)
		return -ERANGE;
	pair = 4 * (ac + sc);
	if (!reg || (uint64_t)(n + 1) * pair > len)
		return -ENOENT;
	reg += n * (ac + sc);
	out->base = kiln_fdt_cells(reg, ac);
	out->size = kiln_fdt_cells(reg + ac, sc);
	return 0;
}

int kiln_fdt_translate(const void *blob, int node, uint64_t address, uint64_t *out)
{
	int bus = parent_of(blob, node);

	/* Each bus between the node and the root maps its children's addresses into its parent's. */
	while (bus > 0) {
		int up = parent_of(blob, bus);
		unsigned int cac = kiln_fdt_u32(blob, bus, "#address-cells", KILN_FDT_DEFAULT_ADDRESS_CELLS);
		unsigned int csc = kiln_fdt_u32(blob, bus, "#size-cells", KILN_FDT_DEFAULT_SIZE_CELLS);
		unsigned int pac = up >= 0 ? kiln_fdt_u32(blob, up, "#address-cells", KILN_FDT_DEFAULT_ADDRESS_CELLS)
					   : KILN_FDT_DEFAULT_ADDRESS_CELLS;
		uint32_t len, entry;
		const uint32_t *ranges = kiln_fdt_prop(blob, bus, "ranges", &len);
		int found = 0;

		if (!ranges || cac > 2 || csc > 2 || pac > 2)
			return -ENOENT;
		entry = cac + pac + csc;
		if (len == 0)
			found = 1;
		for (uint32_t i = 0; !found && entry && (i + 1) * entry * 4 <= len; i++) {
			const uint32_t *r = ranges + i * entry;
			uint64_t child = kiln_fdt_cells(r, cac);
			uint64_t to = kiln_fdt_cells(r + cac, pac);
			uint64_t size = kiln_fdt_cells(r + cac + pac, csc);

			if (address >= child && address - child < size) {
				address = address - child + to;
				found = 1;
			}
		}
		if (!found)
			return -ENOENT;
		bus = up;
	}
	*out = address;
	return 0;
}

// SPDX-License-Identifier: MIT
//
// operator new and delete, every overload C++17 declares in <new>, on
// Kiln's allocator API. Memory exhausted: with exceptions (-fexceptions)
// operator new throws std::bad_alloc as the standard says; without, the
// image ends naming the size asked for. The nothrow forms return null.
// No new_handler is consulted.
#include <cstddef>
#include <new>

extern "C" {
#include <kiln/alloc.h>
#include <kiln/libc_hook.h>
#include "cxxrt.h"
}

namespace {

// Every allocation of the allocator API is aligned for any fundamental type.
constexpr std::size_t kFundamental = __STDCPP_DEFAULT_NEW_ALIGNMENT__;

void *allocate(std::size_t size, std::size_t align)
{
	// new of 0 bytes must still return a distinct pointer.
	if (size == 0)
		size = 1;
	return align <= kFundamental ? kiln_malloc(size) : kiln_memalign(align, size);
}

void *allocate_or_fail(std::size_t size, std::size_t align)
{
	void *p = allocate(size, align);

	if (!p) {
#if __cpp_exceptions
		throw std::bad_alloc();
#else
		kiln_cxxrt_out_of_memory(size);
#endif
	}
	return p;
}

} // namespace

KILN_LIBC_HOOK void *operator new(std::size_t size)
{
	return allocate_or_fail(size, kFundamental);
}

KILN_LIBC_HOOK void *operator new[](std::size_t size)
{
	return allocate_or_fail(size, kFundamental);
}

KILN_LIBC_HOOK void *operator new(std::size_t size, const std::nothrow_t &) noexcept
{
	return allocate(size, kFundamental);
}

KILN_LIBC_HOOK void *operator new[](std::size_t size, const std::nothrow_t &) noexcept
{
	return allocate(size, kFundamental);
}

KILN_LIBC_HOOK void *operator new(std::size_t size, std::align_val_t align)
{
	return allocate_or_fail(size, static_cast<std::size_t>(align));
}

KILN_LIBC_HOOK void *operator new[](std::size_t size, std::align_val_t align)
{
	return allocate_or_fail(size, static_cast<std::size_t>(align));
}

KILN_LIBC_HOOK void *operator new(std::size_t size, std::align_val_t align, const std::nothrow_t &) noexcept
{
	return allocate(size, static_cast<std::size_t>(align));
}

KILN_LIBC_HOOK void *operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t &) noexcept
{
	return allocate(size, static_cast<std::size_t>(align));
}

// The allocator knows each block's size and alignment: every delete is kiln_free().
KILN_LIBC_HOOK void operator delete(void *p) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete[](void *p) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete(void *p, const std::nothrow_t &) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete[](void *p, const std::nothrow_t &) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete(void *p, std::size_t) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete[](void *p, std::size_t) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete(void *p, std::align_val_t) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete[](void *p, std::align_val_t) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete(void *p, std::align_val_t, const std::nothrow_t &) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete[](void *p, std::align_val_t, const std::nothrow_t &) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete(void *p, std::size_t, std::align_val_t) noexcept
{
	kiln_free(p);
}

KILN_LIBC_HOOK void operator delete[](void *p, std::size_t, std::align_val_t) noexcept
{
	kiln_free(p);
}

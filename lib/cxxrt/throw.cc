// SPDX-License-Identifier: MIT
//
// Where libstdc++ would throw, in an image built without C++ exceptions
// (LIBCXXRT_EXCEPTIONS off): its headers call these std::__throw_*()
// functions (<bits/functexcept.h>) for errors such as vector::at() out
// of range. libstdc++.a's own versions throw, which would pull the
// exception machinery into an image that cannot catch anything; these
// end the image instead, naming the error.
#include <bits/functexcept.h>

extern "C" {
#include <kiln/libc_hook.h>
#include "cxxrt.h"
}

namespace std {

KILN_LIBC_HOOK void __throw_bad_exception()
{
	kiln_cxxrt_fail("std::bad_exception (C++ exceptions are off)", nullptr);
}

KILN_LIBC_HOOK void __throw_bad_alloc()
{
	kiln_cxxrt_fail("std::bad_alloc (C++ exceptions are off)", nullptr);
}

KILN_LIBC_HOOK void __throw_bad_array_new_length()
{
	kiln_cxxrt_fail("std::bad_array_new_length (C++ exceptions are off)", nullptr);
}

KILN_LIBC_HOOK void __throw_bad_cast()
{
	kiln_cxxrt_fail("std::bad_cast (C++ exceptions are off)", nullptr);
}

KILN_LIBC_HOOK void __throw_bad_typeid()
{
	kiln_cxxrt_fail("std::bad_typeid (C++ exceptions are off)", nullptr);
}

KILN_LIBC_HOOK void __throw_logic_error(const char *what)
{
	kiln_cxxrt_fail("std::logic_error (C++ exceptions are off)", what);
}

KILN_LIBC_HOOK void __throw_domain_error(const char *what)
{
	kiln_cxxrt_fail("std::domain_error (C++ exceptions are off)", what);
}

KILN_LIBC_HOOK void __throw_invalid_argument(const char *what)
{
	kiln_cxxrt_fail("std::invalid_argument (C++ exceptions are off)", what);
}

KILN_LIBC_HOOK void __throw_length_error(const char *what)
{
	kiln_cxxrt_fail("std::length_error (C++ exceptions are off)", what);
}

KILN_LIBC_HOOK void __throw_out_of_range(const char *what)
{
	kiln_cxxrt_fail("std::out_of_range (C++ exceptions are off)", what);
}

// The message is a printf format (libstdc++ fills in the index and size); it is shown as it is.
KILN_LIBC_HOOK void __throw_out_of_range_fmt(const char *fmt, ...)
{
	kiln_cxxrt_fail("std::out_of_range (C++ exceptions are off)", fmt);
}

KILN_LIBC_HOOK void __throw_runtime_error(const char *what)
{
	kiln_cxxrt_fail("std::runtime_error (C++ exceptions are off)", what);
}

KILN_LIBC_HOOK void __throw_range_error(const char *what)
{
	kiln_cxxrt_fail("std::range_error (C++ exceptions are off)", what);
}

KILN_LIBC_HOOK void __throw_overflow_error(const char *what)
{
	kiln_cxxrt_fail("std::overflow_error (C++ exceptions are off)", what);
}

KILN_LIBC_HOOK void __throw_underflow_error(const char *what)
{
	kiln_cxxrt_fail("std::underflow_error (C++ exceptions are off)", what);
}

KILN_LIBC_HOOK void __throw_system_error(int)
{
	kiln_cxxrt_fail("std::system_error (C++ exceptions are off)", nullptr);
}

KILN_LIBC_HOOK void __throw_bad_function_call()
{
	kiln_cxxrt_fail("std::bad_function_call (C++ exceptions are off)", nullptr);
}

} // namespace std

# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""The sanitizer runtime options every sanitized run of the tools uses (the
lit suite of a sanitized build and test/torture/run.py)."""

ENVIRONMENT = {
    "ASAN_OPTIONS": ":".join([
        # clang-tidy and clangd deliberately leave the AST to the OS at exit.
        "detect_leaks=0",
        # Only our objects are instrumented. LLVM's allocators poison and
        # unpoison their slabs in inline header code, and the linker mixes the
        # instrumented and uninstrumented copies of those functions, so the
        # poisoning is inconsistent: clangd's index reads "poisoned" memory.
        "allow_user_poisoning=0",
    ]),
    "UBSAN_OPTIONS": "print_stacktrace=1",
}

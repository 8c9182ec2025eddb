//===--- TidyCompat.h - clang-tidy API differences between LLVM 16 and 22 --===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_TIDYCOMPAT_H
#define STATELESS_CHECKS_TIDYCOMPAT_H

#include "llvm/Config/llvm-config.h"

#include "clang-tidy/ClangTidyModule.h"
// LLVM 22 moved the module registry into ClangTidyModule.h.
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#endif

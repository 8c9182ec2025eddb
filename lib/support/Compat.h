//===--- Compat.h - LLVM API differences between LLVM 16 and 22 ------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_COMPAT_H
#define STATELESS_LIB_COMPAT_H

#include "llvm/Config/llvm-config.h"

namespace stateless {

/// DenseMap::contains() and StringMap::contains() arrived in LLVM 17.
template <typename Map, typename Key>
bool containsKey(const Map &M, const Key &K) {
#if LLVM_VERSION_MAJOR >= 17
  return M.contains(K);
#else
  return M.count(K) != 0;
#endif
}

/// clang's mutation analysis follows writes through pointers from LLVM 20
/// on; before, what is handed on as a pointer is taken as written.
constexpr bool SeesPointeeWrites = LLVM_VERSION_MAJOR >= 20;

/// FunctionDecl::isPure() became isPureVirtual() in LLVM 18.
template <typename Function> bool isPureVirtual(const Function &F) {
#if LLVM_VERSION_MAJOR >= 18
  return F.isPureVirtual();
#else
  return F.isPure();
#endif
}

} // namespace stateless

#endif

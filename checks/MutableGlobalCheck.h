//===--- MutableGlobalCheck.h - stateless-mutable-global -------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_MUTABLEGLOBALCHECK_H
#define STATELESS_CHECKS_MUTABLEGLOBALCHECK_H

#include "StatelessCheck.h"

namespace stateless {

/// Finds variables with static or thread storage, and objects start-up code
/// shares with request code, that are modified after start-up (all but
/// maps and sets, which stateless-static-session-map reports).
class MutableGlobalCheck : public StatelessCheck {
public:
  MutableGlobalCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : StatelessCheck(Name, Context, Check::MutableGlobal) {}
};

} // namespace stateless

#endif

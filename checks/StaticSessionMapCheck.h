//===--- StaticSessionMapCheck.h - stateless-static-session-map ------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_STATICSESSIONMAPCHECK_H
#define STATELESS_CHECKS_STATICSESSIONMAPCHECK_H

#include "StatelessCheck.h"

namespace stateless {

/// Finds maps and sets with static storage (session stores, carts, token
/// registries) modified after start-up, and the in-process session stores
/// a service configures (Drogon's enableSession, Crow's SessionMiddleware
/// with an InMemoryStore).
class StaticSessionMapCheck : public StatelessCheck {
public:
  StaticSessionMapCheck(llvm::StringRef Name,
                        clang::tidy::ClangTidyContext *Context)
      : StatelessCheck(Name, Context, Check::StaticSessionMap) {}
};

} // namespace stateless

#endif

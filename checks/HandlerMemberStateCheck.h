//===--- HandlerMemberStateCheck.h - stateless-handler-member-state --------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_HANDLERMEMBERSTATECHECK_H
#define STATELESS_CHECKS_HANDLERMEMBERSTATECHECK_H

#include "StatelessCheck.h"

namespace stateless {

/// Finds data members of long-lived handler objects (controllers, gRPC
/// service implementations, endpoint classes, objects whose `this` a
/// registered handler captures) that request code writes: the object lives
/// as long as the instance, so what the member holds is per-instance.
class HandlerMemberStateCheck : public StatelessCheck {
public:
  HandlerMemberStateCheck(llvm::StringRef Name,
                          clang::tidy::ClangTidyContext *Context)
      : StatelessCheck(Name, Context, Check::HandlerMemberState) {}
};

} // namespace stateless

#endif

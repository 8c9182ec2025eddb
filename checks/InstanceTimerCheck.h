//===--- InstanceTimerCheck.h - stateless-instance-timer -------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_INSTANCETIMERCHECK_H
#define STATELESS_CHECKS_INSTANCETIMERCHECK_H

#include "StatelessCheck.h"

namespace stateless {

/// Finds timers and background threads armed while serving a request, and
/// scheduled jobs of the instance wherever they are armed: every instance
/// runs them, and they stop with it.
class InstanceTimerCheck : public StatelessCheck {
public:
  InstanceTimerCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : StatelessCheck(Name, Context, Check::InstanceTimer) {}
};

} // namespace stateless

#endif

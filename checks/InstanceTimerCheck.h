//===--- InstanceTimerCheck.h - stateless-instance-timer -------------------===//

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
      : StatelessCheck(Name, Context, Check::InstanceTimer, Scope::Handlers) {}
};

} // namespace stateless

#endif

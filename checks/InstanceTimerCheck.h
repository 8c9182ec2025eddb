//===--- InstanceTimerCheck.h - stateless-instance-timer -------------------===//

#ifndef STATELESS_CHECKS_INSTANCETIMERCHECK_H
#define STATELESS_CHECKS_INSTANCETIMERCHECK_H

#include "EffectCheck.h"

namespace stateless {

/// Finds the creation or arming of timers, periodic jobs and background
/// threads in code a request handler reaches: the job runs on one instance
/// only and is lost when it stops.
///
/// For the user-facing documentation see docs/checks/stateless-instance-timer.md
class InstanceTimerCheck : public EffectCheck {
public:
  InstanceTimerCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : EffectCheck(Name, Context, EffectKind::Timer) {}
};

} // namespace stateless

#endif

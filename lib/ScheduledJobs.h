//===--- ScheduledJobs.h - timers and threads that recur -------------------===//
//
// Which timers armed and threads started are scheduled jobs of the instance:
// a periodic timer (`runEvery`, a QTimer that is not single-shot), an Asio
// timer that its own completion handler arms again, a thread whose entry
// loops with a sleep. Every instance runs them and they stop with it,
// wherever they are armed, start-up included; other timers matter where a
// request arms them. A deadline that a per-connection object arms to close
// its connection is neither.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_SCHEDULEDJOBS_H
#define STATELESS_LIB_SCHEDULEDJOBS_H

#include "CodeFacts.h"
#include "HandlerModel.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <string>

namespace stateless {

class ScheduledJobs {
public:
  ScheduledJobs(CodeFacts &Facts, const HandlerModel &Handlers);

  enum class Kind {
    None,      ///< not a finding: a thread that does not loop, a deadline
    Once,      ///< a timer or thread that does not recur
    Recurring, ///< a scheduled job of this instance
  };
  struct Verdict {
    Kind What = Kind::None;
    /// What the call does, as the diagnostic says it.
    std::string Action;
  };

  /// What the timer or thread effect \p E, in \p In, is.
  Verdict judge(const EffectSite &E, const clang::FunctionDecl &In);

private:
  llvm::SmallVector<const clang::FunctionDecl *, 2>
  passedTo(const clang::Expr &Call, const clang::FunctionDecl &In);
  /// Code reached from \p From (a few calls deep), \p From included.
  llvm::SmallVector<const clang::FunctionDecl *, 8>
  reachedFrom(llvm::ArrayRef<const clang::FunctionDecl *> From,
              unsigned MaxCalls);
  bool arms(llvm::ArrayRef<const clang::FunctionDecl *> Code,
            const clang::Decl *Timer);
  bool isConnectionDeadline(const clang::Decl *Timer,
                            llvm::ArrayRef<const clang::FunctionDecl *> Handler);

  CodeFacts &Facts;
  const HandlerModel &Handlers;
  /// Timer objects made single-shot anywhere in the unit.
  llvm::DenseSet<const clang::Decl *> SingleShot;
};

} // namespace stateless

#endif

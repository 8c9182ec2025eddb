//===--- HandlerMemberStateCheck.h - stateless-handler-member-state --------===//

#ifndef STATELESS_CHECKS_HANDLERMEMBERSTATECHECK_H
#define STATELESS_CHECKS_HANDLERMEMBERSTATECHECK_H

#include "StatelessCheck.h"

namespace stateless {

/// Finds data members of long-lived handler objects (controllers, gRPC
/// service implementations, endpoint classes, objects whose `this` a
/// registered handler captures) that request code writes: the object lives
/// as long as the instance, so what the member holds is per-instance.
///
/// For the user-facing documentation see docs/checks/stateless-handler-member-state.md
class HandlerMemberStateCheck : public StatelessCheck {
public:
  HandlerMemberStateCheck(llvm::StringRef Name,
                          clang::tidy::ClangTidyContext *Context)
      : StatelessCheck(Name, Context, Scope::All) {}

private:
  void report(TranslationUnitAnalysis &Analysis,
              clang::SourceManager &SM) override;
};

} // namespace stateless

#endif

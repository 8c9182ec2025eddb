//===--- MutableGlobalCheck.h - stateless-mutable-global -------------------===//

#ifndef STATELESS_CHECKS_MUTABLEGLOBALCHECK_H
#define STATELESS_CHECKS_MUTABLEGLOBALCHECK_H

#include "StatelessCheck.h"

namespace stateless {

/// Finds variables with static or thread storage, and objects start-up code
/// shares with request code, that are modified after start-up (all but
/// maps and sets, which stateless-static-session-map reports).
class MutableGlobalCheck : public StaticStateCheck {
public:
  MutableGlobalCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : StaticStateCheck(Name, Context, Check::MutableGlobal) {}
};

} // namespace stateless

#endif

//===--- MutableGlobalCheck.h - stateless-mutable-global -------------------===//

#ifndef STATELESS_CHECKS_MUTABLEGLOBALCHECK_H
#define STATELESS_CHECKS_MUTABLEGLOBALCHECK_H

#include "StaticStateCheck.h"

namespace stateless {

/// Finds variables with static or thread storage duration (other than maps
/// and sets) that the code modifies after start-up: each service instance
/// holds its own copy, so the value differs between instances and is lost
/// on restart.
///
/// For the user-facing documentation see docs/checks/stateless-mutable-global.md
class MutableGlobalCheck : public StaticStateCheck {
public:
  MutableGlobalCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : StaticStateCheck(Name, Context, Partition::Values) {}
};

} // namespace stateless

#endif

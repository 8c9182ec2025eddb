//===--- LocalFsWriteCheck.h - stateless-local-fs-write --------------------===//

#ifndef STATELESS_CHECKS_LOCALFSWRITECHECK_H
#define STATELESS_CHECKS_LOCALFSWRITECHECK_H

#include "EffectCheck.h"

namespace stateless {

/// Finds calls and constructions that create, modify, move or delete local
/// files or directories in code a request handler reaches: the file stays on
/// the instance that served the request.
///
/// For the user-facing documentation see docs/checks/stateless-local-fs-write.md
class LocalFsWriteCheck : public EffectCheck {
public:
  LocalFsWriteCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : EffectCheck(Name, Context, EffectKind::FileWrite) {}
};

} // namespace stateless

#endif

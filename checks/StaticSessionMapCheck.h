//===--- StaticSessionMapCheck.h - stateless-static-session-map ------------===//

#ifndef STATELESS_CHECKS_STATICSESSIONMAPCHECK_H
#define STATELESS_CHECKS_STATICSESSIONMAPCHECK_H

#include "StatelessCheck.h"

namespace stateless {

/// Finds maps and sets with static storage (session stores, carts, token
/// registries) modified after start-up, and the in-process session stores
/// a service configures (Drogon's enableSession, Crow's SessionMiddleware
/// with an InMemoryStore).
class StaticSessionMapCheck : public StaticStateCheck {
public:
  StaticSessionMapCheck(llvm::StringRef Name,
                        clang::tidy::ClangTidyContext *Context)
      : StaticStateCheck(Name, Context, Check::StaticSessionMap) {}
};

} // namespace stateless

#endif

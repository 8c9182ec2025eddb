//===--- StaticSessionMapCheck.h - stateless-static-session-map ------------===//

#ifndef STATELESS_CHECKS_STATICSESSIONMAPCHECK_H
#define STATELESS_CHECKS_STATICSESSIONMAPCHECK_H

#include "StaticStateCheck.h"

namespace stateless {

/// Finds maps and sets with static or thread storage duration (session
/// stores, carts, token registries) that the code modifies after start-up:
/// an entry written by one instance is missing from every other instance and
/// is lost on restart; and the framework session stores that keep every
/// session in this instance.
///
/// For the user-facing documentation see docs/checks/stateless-static-session-map.md
class StaticSessionMapCheck : public StaticStateCheck {
public:
  StaticSessionMapCheck(llvm::StringRef Name,
                        clang::tidy::ClangTidyContext *Context)
      : StaticStateCheck(Name, Context, Partition::KeyedContainers) {}

private:
  /// The containers, then the in-process session stores the service
  /// configures (Drogon's enableSession, Crow's SessionMiddleware with an
  /// InMemoryStore), at their configuration.
  void report(TranslationUnitAnalysis &Analysis,
              clang::SourceManager &SM) override;
};

} // namespace stateless

#endif

//===--- TranslationUnitAnalysis.cpp - the analysis the checks share -------===//

#include "TranslationUnitAnalysis.h"

#include "stateless/annotations.h"

#include <map>
#include <mutex>

namespace stateless {

TranslationUnitAnalysis::TranslationUnitAnalysis(clang::ASTContext &Context,
                                                 HandlerOptions Options)
    : Frameworks(std::move(Options)), Facts(Context, Frameworks),
      Handlers(Facts), Finders(Context) {}

const GlobalStateAnalysis &TranslationUnitAnalysis::globalState() {
  if (!Globals)
    Globals.emplace(Facts, Handlers, Finders);
  return *Globals;
}

const MemberStateAnalysis &TranslationUnitAnalysis::memberState() {
  if (!Members)
    Members.emplace(Facts, Handlers, Finders);
  return *Members;
}

std::shared_ptr<TranslationUnitAnalysis>
TranslationUnitAnalysis::get(clang::ASTContext &Context,
                             const HandlerOptions &Options,
                             const std::string &OptionsKey) {
  using Key = std::pair<const clang::ASTContext *, std::string>;
  // clangd builds several units at once on different threads.
  static std::mutex Lock;
  STATELESS_ALLOW(cache, "analyses of the units being checked, recomputed on a miss")
  static std::map<Key, std::weak_ptr<TranslationUnitAnalysis>> Live;
  const Key Wanted{&Context, OptionsKey};
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (auto Existing = Live[Wanted].lock())
      return Existing;
  }
  auto Fresh = std::make_shared<TranslationUnitAnalysis>(Context, Options);
  std::lock_guard<std::mutex> Guard(Lock);
  // Forget units whose analyses nobody holds any more.
  for (auto It = Live.begin(); It != Live.end();)
    It = It->second.expired() ? Live.erase(It) : std::next(It);
  Live[Wanted] = Fresh;
  return Fresh;
}

} // namespace stateless

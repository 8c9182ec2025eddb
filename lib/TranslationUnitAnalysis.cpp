//===--- TranslationUnitAnalysis.cpp - the analysis the checks share -------===//

#include "TranslationUnitAnalysis.h"

#include "stateless/annotations.h"

#include "llvm/Support/Error.h"

#include <map>
#include <mutex>

namespace stateless {

TranslationUnitAnalysis::TranslationUnitAnalysis(clang::ASTContext &Context,
                                                 HandlerOptions Options,
                                                 const std::string &IndexPath)
    : Frameworks(std::move(Options)), Facts(Context, Frameworks),
      Remote(openProject(Context, IndexPath, IndexProblem)),
      Handlers(Facts, Remote.get()), Finders(Context) {}

std::unique_ptr<Project>
TranslationUnitAnalysis::openProject(clang::ASTContext &Context,
                                     const std::string &IndexPath,
                                     std::string &Problem) {
  if (IndexPath.empty())
    return nullptr;
  llvm::Expected<std::shared_ptr<const ProjectIndex>> Index =
      ProjectIndex::get(IndexPath);
  if (!Index) {
    Problem = "the project index '" + IndexPath +
              "' is not used: " + llvm::toString(Index.takeError()) +
              "; each unit is analysed on its own (run stateless-index to "
              "rebuild it)";
    return nullptr;
  }
  const clang::SourceManager &SM = Context.getSourceManager();
  auto Opened =
      std::make_unique<Project>(ProjectView(*Index, mainFilePath(SM)), SM);
  if (unsigned Stale = Opened->View.staleUnits())
    Problem = "the project index '" + IndexPath + "' is out of date for " +
              std::to_string(Stale) + " of its units, whose facts are left " +
              "out; run stateless-index to update it";
  return Opened;
}

const GlobalStateAnalysis &TranslationUnitAnalysis::globalState() {
  if (!Globals)
    Globals.emplace(Facts, Handlers, Finders, project());
  return *Globals;
}

const MemberStateAnalysis &TranslationUnitAnalysis::memberState() {
  if (!Members)
    Members.emplace(Facts, Handlers, Finders, globalState(), project());
  return *Members;
}

std::shared_ptr<TranslationUnitAnalysis>
TranslationUnitAnalysis::get(clang::ASTContext &Context,
                             const HandlerOptions &Options,
                             const std::string &OptionsKey,
                             const std::string &IndexPath) {
  using Key = std::pair<const clang::ASTContext *, std::string>;
  // clangd builds several units at once on different threads.
  static std::mutex Lock;
  STATELESS_ALLOW(cache, "analyses of the units being checked, recomputed on a miss")
  static std::map<Key, std::weak_ptr<TranslationUnitAnalysis>> Live;
  const Key Wanted{&Context, OptionsKey + '\n' + IndexPath};
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (auto Existing = Live[Wanted].lock())
      return Existing;
  }
  auto Fresh =
      std::make_shared<TranslationUnitAnalysis>(Context, Options, IndexPath);
  std::lock_guard<std::mutex> Guard(Lock);
  // Forget units whose analyses nobody holds any more.
  for (auto It = Live.begin(); It != Live.end();)
    It = It->second.expired() ? Live.erase(It) : std::next(It);
  Live[Wanted] = Fresh;
  return Fresh;
}

} // namespace stateless

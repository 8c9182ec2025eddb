//===--- UnitAnalysis.cpp - the analysis of the unit being checked ---------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "UnitAnalysis.h"
#include "CodeFacts.h"
#include "Format.h"
#include "Summary.h"
#include "Usr.h"
#include "WriteFinder.h"

#include "stateless/annotations.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <map>
#include <mutex>

namespace stateless {
namespace {

/// The facts of the unit \p Context holds.
index::Unit summarize(clang::ASTContext &Context, HandlerOptions Options) {
  const FrameworkTables Frameworks(std::move(Options));
  const CodeFacts Facts(Context, Frameworks);
  WriteFinders Finders(Context);
  return summarizeUnit(Facts, Finders, "", /*RecordInputs=*/false);
}

/// Orders places of the unit as they come in it (a header's where it is
/// included), others by path and position.
class UnitOrder {
public:
  explicit UnitOrder(clang::SourceManager &SM) : SM(SM) {}
  bool operator()(const FileLocation &A, const FileLocation &B) {
    clang::SourceLocation LA = at(A), LB = at(B);
    if (LA.isValid() && LB.isValid())
      return SM.isBeforeInTranslationUnit(LA, LB);
    return A < B;
  }

private:
  clang::SourceLocation at(const FileLocation &L) {
    return toSourceLocation(L, SM, /*OpenFiles=*/false);
  }
  clang::SourceManager &SM;
};

std::function<void(const AnalysedUnit &)> &analysedUnitListener() {
  STATELESS_ALLOW(config, "set once by stateless-clangd before any unit is analysed")
  static std::function<void(const AnalysedUnit &)> Listener;
  return Listener;
}

} // namespace

void setAnalysedUnitListener(
    std::function<void(const AnalysedUnit &)> Listener) {
  analysedUnitListener() = std::move(Listener);
}

UnitAnalysis::UnitAnalysis(clang::ASTContext &Context, HandlerOptions Options,
                           const std::string &IndexPath)
    : View(std::make_unique<ProgramView>(
          summarize(Context, std::move(Options)), openIndex(IndexPath))) {
  const clang::SourceManager &SM = Context.getSourceManager();
  if (const auto &Listener = analysedUnitListener())
    Listener({View->live(), inputPaths(SM),
              SM.getBufferData(SM.getMainFileID()), IndexPath});
  View->setLiveOrder(UnitOrder(Context.getSourceManager()));
  Handlers = std::make_unique<HandlerModel>(*View);
  if (unsigned Stale = View->staleUnits())
    IndexProblem = "the project index '" + IndexPath + "' is out of date for " +
                   std::to_string(Stale) + " of its units, whose facts are " +
                   "left out; run stateless-index to update it";
}

UnitAnalysis::UnitAnalysis(const index::Unit &Stored,
                           std::shared_ptr<const ProjectIndex> Index)
    : View(std::make_unique<ProgramView>(Stored, std::move(Index))),
      Handlers(std::make_unique<HandlerModel>(*View)) {}

UnitAnalysis::~UnitAnalysis() {
  if (ExportDirectory.empty())
    return;
  // A file per unit (and set of options), written whole or not at all.
  const std::string &MainFile = View->live().MainFile;
  llvm::SmallString<256> Path(ExportDirectory);
  const std::string Name =
      llvm::sys::path::filename(MainFile).str() + "-" +
      llvm::utohexstr(llvm::xxHash64(MainFile + '\n' + OptionsKey)) + ".json";
  llvm::sys::path::append(Path, Name);
  llvm::Error Written = [&] {
    if (std::error_code EC = llvm::sys::fs::create_directories(ExportDirectory))
      return llvm::errorCodeToError(EC);
    return llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
      writeFindingsJson(MainFile, Exported, OS);
      return llvm::Error::success();
    });
  }();
  if (Written)
    llvm::errs() << "warning: cannot write the findings of '" << MainFile
                 << "' to '" << Path
                 << "': " << llvm::toString(std::move(Written)) << "\n";
}

void UnitAnalysis::exportFindings(const std::string &Directory,
                                  llvm::ArrayRef<Finding> Found) {
  ExportDirectory = Directory;
  llvm::append_range(Exported, Found);
}

std::shared_ptr<const ProjectIndex>
UnitAnalysis::openIndex(const std::string &IndexPath) {
  if (IndexPath.empty())
    return nullptr;
  llvm::Expected<std::shared_ptr<const ProjectIndex>> Index =
      ProjectIndex::get(IndexPath);
  if (!Index) {
    IndexProblem = "the project index '" + IndexPath +
                   "' is not used: " + llvm::toString(Index.takeError()) +
                   "; each unit is analysed on its own (run stateless-index " +
                   "to rebuild it)";
    return nullptr;
  }
  if (!(*Index)->leftOut().empty()) {
    IndexProblem = "the project index '" + IndexPath + "' has damaged " +
                   "units, whose facts are left out: " +
                   index::namesOfUnits((*Index)->leftOut()) +
                   "; run stateless-index to rebuild it";
  }
  return *Index;
}

std::vector<Finding> UnitAnalysis::findings(Check C,
                                            const ReportOptions &Options) {
  if (!Globals)
    Globals = findGlobalState(*Handlers);
  if (C == Check::HandlerMemberState && !Members)
    Members = findMemberState(*Handlers, *Globals);
  static const std::vector<MemberState> NoMembers;
  return findingsOf(C, Options, *Handlers, *Globals,
                    Members ? *Members : NoMembers);
}

std::shared_ptr<UnitAnalysis> UnitAnalysis::get(clang::ASTContext &Context,
                                                const HandlerOptions &Options,
                                                const std::string &OptionsKey,
                                                const std::string &IndexPath) {
  using Key = std::pair<const clang::ASTContext *, std::string>;
  // clangd builds several units at once on different threads.
  static std::mutex Lock;
  STATELESS_ALLOW(cache, "analyses of the units being checked, recomputed on a miss")
  static std::map<Key, std::weak_ptr<UnitAnalysis>> Live;
  const Key Wanted{&Context, OptionsKey + '\n' + IndexPath};
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (auto Existing = Live[Wanted].lock())
      return Existing;
  }
  auto Fresh = std::make_shared<UnitAnalysis>(Context, Options, IndexPath);
  Fresh->OptionsKey = Wanted.second;
  std::lock_guard<std::mutex> Guard(Lock);
  // Forget units whose analyses nobody holds any more.
  for (auto It = Live.begin(); It != Live.end();)
    It = It->second.expired() ? Live.erase(It) : std::next(It);
  Live[Wanted] = Fresh;
  return Fresh;
}

} // namespace stateless

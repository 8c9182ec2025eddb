//===--- StatelessCheck.cpp - what every stateless-* check shares ----------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "StatelessCheck.h"

#include "ProjectIndex.h"
#include "Usr.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace stateless {
namespace {

/// Reads a check's options, reporting malformed ones as configuration
/// errors (clang-tidy reports an error the checks share once).
CheckConfiguration readOptions(Check Reports,
                               const tidy::ClangTidyCheck::OptionsView &Options,
                               llvm::StringRef CheckName,
                               llvm::function_ref<void(llvm::StringRef)> Report) {
  std::vector<std::string> Problems;
  CheckConfiguration Config = readConfiguration(
      Reports,
      [&](llvm::StringRef Name, bool LocalOnly) -> std::optional<Setting> {
        if (std::optional<llvm::StringRef> Own = Options.get(Name))
          return Setting{Own->str(), (CheckName + "." + Name).str()};
        if (!LocalOnly)
          if (std::optional<llvm::StringRef> Global =
                  Options.getLocalOrGlobal(Name))
            return Setting{Global->str(), Name.str()};
        return std::nullopt;
      },
      Problems);
  for (const std::string &Problem : Problems)
    Report(Problem);
  return Config;
}

} // namespace

StatelessCheck::StatelessCheck(llvm::StringRef Name,
                               tidy::ClangTidyContext *Context, Check Reports)
    : ClangTidyCheck(Name, Context), Reports(Reports), TidyContext(Context),
      Configuration(readOptions(Reports, Options, Name,
                                [&](llvm::StringRef Problem) {
                                  configurationDiag("%0") << Problem;
                                })) {}

void StatelessCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  for (const auto &[Name, Value] : Configuration.Written)
    Options.store(Opts, Name, Value);
}

void StatelessCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis walks the unit itself (see CodeFacts); matching the unit
  // once is only the hook to run it.
  Finder->addMatcher(translationUnitDecl(), this);
}

void StatelessCheck::check(const MatchFinder::MatchResult &Result) {
  const HandlerOptions &Handlers = Configuration.Handlers;
  std::string OptionsKey;
  for (const auto &[Name, Value] : Configuration.Written)
    if (Name.rfind("Handler", 0) == 0)
      OptionsKey += Value + '\n';
  Analysis = UnitAnalysis::get(*Result.Context, Handlers, OptionsKey,
                               indexPath(*Result.SourceManager));
  std::string IndexProblem = Analysis->takeIndexProblem();
  if (!IndexProblem.empty())
    configurationDiag("%0") << IndexProblem;
  // The findings name places in files of the project; a file this unit did
  // not include is opened to place a note there.
  SourceManager &SM = *Result.SourceManager;
  const std::vector<Finding> Found =
      Analysis->findings(Reports, Configuration.Report);
  if (!Configuration.ExportFindings.empty())
    Analysis->exportFindings(Configuration.ExportFindings, Found);
  for (const Finding &F : Found) {
    diag(toSourceLocation(F.At, SM, /*OpenFiles=*/true), "%0") << F.Message;
    for (const Note &N : F.Notes)
      if (SourceLocation At = toSourceLocation(N.At, SM, /*OpenFiles=*/true);
          At.isValid())
        diag(At, "%0", DiagnosticIDs::Note) << N.Message;
  }
}

std::string StatelessCheck::indexPath(const SourceManager &SM) const {
  const std::string &Named = Configuration.ProjectIndex;
  if (Named == "none")
    return "";
  llvm::SmallString<256> MainDirectory(
      llvm::sys::path::parent_path(mainFilePath(SM)));
  llvm::StringRef BuildDirectory = TidyContext->getCurrentBuildDirectory();
  if (!Named.empty()) {
    // A relative path is taken from the build directory.
    if (llvm::sys::path::is_absolute(Named))
      return Named;
    llvm::SmallString<256> Path(BuildDirectory.empty() ? MainDirectory.str()
                                                       : BuildDirectory);
    llvm::sys::path::append(Path, Named);
    return std::string(Path);
  }
  for (llvm::StringRef Start : {BuildDirectory, MainDirectory.str()})
    if (!Start.empty())
      if (std::optional<std::string> Found = ProjectIndex::find(Start))
        return *Found;
  return "";
}

void StatelessCheck::onEndOfTranslationUnit() { Analysis.reset(); }

} // namespace stateless

//===--- StatelessCheck.cpp - what every stateless-* check shares ----------===//

#include "StatelessCheck.h"
#include "Compat.h"

#include "ProjectIndex.h"
#include "Usr.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace stateless {

StatelessCheck::StatelessCheck(llvm::StringRef Name,
                               tidy::ClangTidyContext *Context, Check Reports,
                               Scope DefaultScope)
    : ClangTidyCheck(Name, Context), Reports(Reports), CheckName(Name),
      TidyContext(Context), ReportScope(readScope(DefaultScope)),
      HandlerFunctions(Options.getLocalOrGlobal("HandlerFunctions", "")),
      HandlerRegistrars(Options.getLocalOrGlobal("HandlerRegistrars", "")),
      HandlerBaseClasses(Options.getLocalOrGlobal("HandlerBaseClasses", "")),
      ProjectIndexPath(Options.getLocalOrGlobal("ProjectIndex", "")),
      Handlers{readRegexOption("HandlerFunctions", HandlerFunctions),
               readRegexOption("HandlerRegistrars", HandlerRegistrars),
               readRegexOption("HandlerBaseClasses", HandlerBaseClasses)} {
  Reporting.AllCode = ReportScope == Scope::All;
  Reporting.ReportAllowed = readBoolOption("ReportAllowed");
  Reporting.ReportAllHandlers = readBoolOption("ReportAllHandlers");
}

StatelessCheck::Scope StatelessCheck::readScope(Scope Default) {
  llvm::StringRef DefaultName = Default == Scope::All ? "all" : "handlers";
  std::string Value = Options.get("Scope", DefaultName).str();
  if (Value == "handlers")
    return Scope::Handlers;
  if (Value == "all")
    return Scope::All;
  configurationDiag("invalid value '%0' for option '%1.Scope': expected "
                    "'handlers' or 'all'; using '%2'")
      << Value << CheckName << DefaultName;
  return Default;
}

// Read as text: the bool overloads of the options API are mangled
// differently by GCC and by the clang that built LLVM, so they do not link.
bool StatelessCheck::readBoolOption(llvm::StringRef Option) {
  std::string Value = Options.getLocalOrGlobal(Option, "false").str();
  std::optional<bool> Parsed =
      llvm::StringSwitch<std::optional<bool>>(llvm::StringRef(Value).lower())
          .Case("true", true)
          .Case("1", true)
          .Case("false", false)
          .Case("0", false)
          .Default(std::nullopt);
  if (!Parsed)
    configurationDiag("invalid value '%0' for option '%1': "
                      "expected 'true' or 'false'; using 'false'")
        << Value << configuredKey(Option);
  return Parsed.value_or(false);
}

RegexList StatelessCheck::readRegexOption(llvm::StringRef Option,
                                          const std::string &Value) {
  std::string Error;
  RegexList List = RegexList::parse(Value, Error);
  if (Error.empty())
    return List;
  configurationDiag("%0 in option '%1'; the option is ignored")
      << Error << configuredKey(Option);
  return List;
}

std::string StatelessCheck::configuredKey(llvm::StringRef Option) const {
  std::string Key = CheckName + "." + Option.str();
  return containsKey(TidyContext->getOptions().CheckOptions, Key) ? Key
                                                                  : Option.str();
}

void StatelessCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Scope", ReportScope == Scope::All ? "all" : "handlers");
  Options.store(Opts, "HandlerFunctions", HandlerFunctions);
  Options.store(Opts, "HandlerRegistrars", HandlerRegistrars);
  Options.store(Opts, "HandlerBaseClasses", HandlerBaseClasses);
  Options.store(Opts, "ReportAllowed",
                Reporting.ReportAllowed ? "true" : "false");
  Options.store(Opts, "ReportAllHandlers",
                Reporting.ReportAllHandlers ? "true" : "false");
  Options.store(Opts, "ProjectIndex", ProjectIndexPath);
}

void StatelessCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis walks the unit itself (see CodeFacts); matching the unit
  // once is only the hook to run it.
  Finder->addMatcher(translationUnitDecl(), this);
}

void StatelessCheck::check(const MatchFinder::MatchResult &Result) {
  Analysis = UnitAnalysis::get(
      *Result.Context, Handlers,
      HandlerFunctions + '\n' + HandlerRegistrars + '\n' + HandlerBaseClasses,
      indexPath(*Result.SourceManager));
  std::string IndexProblem = Analysis->takeIndexProblem();
  if (!IndexProblem.empty())
    configurationDiag("%0") << IndexProblem;
  // The findings name places in files of the project; a file this unit did
  // not include is opened to place a note there.
  SourceManager &SM = *Result.SourceManager;
  for (const Finding &F : Analysis->findings(Reports, Reporting)) {
    diag(toSourceLocation(F.At, SM, /*OpenFiles=*/true), "%0") << F.Message;
    for (const Note &N : F.Notes)
      if (SourceLocation At = toSourceLocation(N.At, SM, /*OpenFiles=*/true);
          At.isValid())
        diag(At, "%0", DiagnosticIDs::Note) << N.Message;
  }
}

std::string StatelessCheck::indexPath(const SourceManager &SM) const {
  if (ProjectIndexPath == "none")
    return "";
  llvm::SmallString<256> MainDirectory(
      llvm::sys::path::parent_path(mainFilePath(SM)));
  llvm::StringRef BuildDirectory = TidyContext->getCurrentBuildDirectory();
  if (!ProjectIndexPath.empty()) {
    // A relative path is taken from the build directory.
    if (llvm::sys::path::is_absolute(ProjectIndexPath))
      return ProjectIndexPath;
    llvm::SmallString<256> Path(BuildDirectory.empty() ? MainDirectory.str()
                                                       : BuildDirectory);
    llvm::sys::path::append(Path, ProjectIndexPath);
    return std::string(Path);
  }
  for (llvm::StringRef Start : {BuildDirectory, MainDirectory.str()})
    if (!Start.empty())
      if (std::optional<std::string> Found = ProjectIndex::find(Start))
        return *Found;
  return "";
}

void StatelessCheck::onEndOfTranslationUnit() { Analysis.reset(); }

StaticStateCheck::StaticStateCheck(llvm::StringRef Name,
                                   tidy::ClangTidyContext *Context,
                                   Check Reports)
    : StatelessCheck(Name, Context, Reports, Scope::All),
      AllowedTypesSource(Options.get("AllowedTypes", "")),
      AllowedNamesSource(Options.get("AllowedNames", "")) {
  Reporting.AllowedTypes = readRegexOption("AllowedTypes", AllowedTypesSource);
  Reporting.AllowedNames = readRegexOption("AllowedNames", AllowedNamesSource);
}

void StaticStateCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  StatelessCheck::storeOptions(Opts);
  Options.store(Opts, "AllowedTypes", AllowedTypesSource);
  Options.store(Opts, "AllowedNames", AllowedNamesSource);
}

} // namespace stateless

//===--- StatelessCheck.cpp - what every stateless-* check shares ----------===//

#include "StatelessCheck.h"
#include "Compat.h"

#include "ProjectIndex.h"
#include "UnitSummary.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace stateless {

StatelessCheck::StatelessCheck(llvm::StringRef Name,
                               tidy::ClangTidyContext *Context,
                               Scope DefaultScope)
    : ClangTidyCheck(Name, Context), CheckName(Name), TidyContext(Context),
      ReportScope(readScope(DefaultScope)), ReportAllowed(readBoolOption("ReportAllowed")),
      ReportAllHandlers(readBoolOption("ReportAllHandlers")),
      HandlerFunctions(Options.getLocalOrGlobal("HandlerFunctions", "")),
      HandlerRegistrars(Options.getLocalOrGlobal("HandlerRegistrars", "")),
      HandlerBaseClasses(Options.getLocalOrGlobal("HandlerBaseClasses", "")),
      ProjectIndexPath(Options.getLocalOrGlobal("ProjectIndex", "")),
      Handlers{readRegexOption("HandlerFunctions", HandlerFunctions),
               readRegexOption("HandlerRegistrars", HandlerRegistrars),
               readRegexOption("HandlerBaseClasses", HandlerBaseClasses)} {}

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
  Options.store(Opts, "ReportAllowed", ReportAllowed ? "true" : "false");
  Options.store(Opts, "ReportAllHandlers", ReportAllHandlers ? "true" : "false");
  Options.store(Opts, "ProjectIndex", ProjectIndexPath);
}

void StatelessCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis walks the unit itself (see CodeFacts); matching the unit
  // once is only the hook to run it.
  Finder->addMatcher(translationUnitDecl(), this);
}

void StatelessCheck::check(const MatchFinder::MatchResult &Result) {
  Analysis = TranslationUnitAnalysis::get(
      *Result.Context, Handlers,
      HandlerFunctions + '\n' + HandlerRegistrars + '\n' + HandlerBaseClasses,
      indexPath(*Result.SourceManager));
  std::string IndexProblem = Analysis->takeIndexProblem();
  if (!IndexProblem.empty())
    configurationDiag("%0") << IndexProblem;
  report(*Analysis, *Result.SourceManager);
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

SourceLocation StatelessCheck::locate(const FileLocation &Where,
                                      SourceManager &SM) {
  OptionalFileEntryRef File = SM.getFileManager().getOptionalFileRef(Where.File);
  if (!File)
    return {};
  FileID ID = SM.translateFile(*File);
  if (ID.isInvalid())
    ID = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
  return SM.translateLineCol(ID, Where.Line, Where.Column);
}

SourceLocation StatelessCheck::locate(const Write &W, SourceManager &SM) {
  return W.Site ? SM.getFileLoc(W.Site->getBeginLoc())
                : locate(W.Elsewhere, SM);
}

void StatelessCheck::emitNotes(const std::vector<Note> &Notes,
                               SourceManager &SM) {
  for (const Note &N : Notes) {
    SourceLocation Loc =
        N.Loc.isValid() ? SM.getFileLoc(N.Loc) : locate(N.Elsewhere, SM);
    if (Loc.isValid())
      diag(Loc, "%0", DiagnosticIDs::Note) << N.Message;
  }
}

void StatelessCheck::reportAnnotationProblem(const AllowAnnotation &Allow,
                                             llvm::StringRef Name,
                                             const SourceManager &SM) {
  SourceLocation Loc = SM.getFileLoc(Allow.Loc);
  if (Allow.Issue == AllowAnnotation::Problem::UnknownKind)
    diag(Loc, "STATELESS_ALLOW on '%0' has unknown kind '%1'; use one of %2")
        << Name << Allow.Kind << allowedKindList();
  else
    diag(Loc, "STATELESS_ALLOW on '%0' needs a reason: say why losing this "
              "state is safe")
        << Name;
}

void StatelessCheck::emitAllowedNote(
    const std::optional<AllowAnnotation> &Allow, const SourceManager &SM) {
  if (!Allow || !Allow->isValid())
    return;
  diag(SM.getFileLoc(Allow->Loc), "allowed by STATELESS_ALLOW(%0): %1",
       DiagnosticIDs::Note)
      << Allow->Kind << Allow->Reason;
}

StatelessCheck::ShownWrite
StatelessCheck::showWrite(const HandlerModel &Handlers,
                          llvm::ArrayRef<Write> Writes) {
  ShownWrite Result{nullptr, std::nullopt, {}};
  for (const Write &W : Writes) {
    Result.Writers.push_back(W.Function);
    if (Result.Shown)
      continue;
    Result.FromHandler = Handlers.pathTo(W.Function);
    if (Result.FromHandler)
      Result.Shown = &W;
  }
  return Result;
}

void StatelessCheck::emitOtherHandlers(const HandlerModel &Handlers,
                                       llvm::ArrayRef<FunctionNode> Writers,
                                       const std::optional<HandlerPath> &Shown,
                                       SourceManager &SM) {
  if (!ReportAllHandlers)
    return;
  for (const HandlerPath &Path : Handlers.pathsFromEachHandler(Writers)) {
    if (Shown && Path.Root == Shown->Root)
      continue;
    Note AtHandler = Handlers.describe(Path).front();
    AtHandler.Message = "also " + AtHandler.Message;
    for (size_t I = 0; I < Path.Calls.size(); ++I)
      AtHandler.Message += (I ? ", " : ", via ") +
                           describeFunction(Path.Calls[I].Callee);
    emitNotes({AtHandler}, SM);
  }
}

} // namespace stateless

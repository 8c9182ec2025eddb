//===--- StaticStateCheck.cpp - shared base of the declaration checks ------===//

#include "StaticStateCheck.h"
#include "KnownTypes.h"

#include "clang/AST/ASTContext.h"

using namespace clang;

namespace stateless {
namespace {

llvm::StringRef describeVariable(const GlobalVariable &G, bool Keyed) {
  if (G.ThreadLocal)
    return Keyed ? "thread-local container" : "thread-local variable";
  switch (G.Kind) {
  case GlobalVariable::Scope::StaticMember:
    return Keyed ? "static member container" : "static member";
  case GlobalVariable::Scope::StaticLocal:
    return Keyed ? "static local container" : "static local variable";
  case GlobalVariable::Scope::SharedLocal:
    return Keyed ? "local container" : "local variable";
  case GlobalVariable::Scope::Namespace:
    break;
  }
  return Keyed ? "global container" : "global variable";
}

std::string displayName(const GlobalVariable &G) {
  if (G.Kind == GlobalVariable::Scope::StaticLocal ||
      G.Kind == GlobalVariable::Scope::SharedLocal)
    return G.Decl->getNameAsString();
  return qualifiedName(*G.Decl);
}

/// For a local of start-up code, who shares it.
std::string sharedBy(const GlobalVariable &G) {
  if (G.Kind != GlobalVariable::Scope::SharedLocal)
    return "";
  const auto *Declaring =
      dyn_cast_or_null<FunctionDecl>(G.Decl->getParentFunctionOrMethod());
  return ", which '" + (Declaring ? qualifiedName(*Declaring) : "") +
         "' shares with request code,";
}

} // namespace

StaticStateCheck::StaticStateCheck(llvm::StringRef Name,
                                   tidy::ClangTidyContext *Context,
                                   Partition Reports)
    : StatelessCheck(Name, Context, Scope::All), Reports(Reports),
      AllowedTypesSource(Options.get("AllowedTypes", "")),
      AllowedNamesSource(Options.get("AllowedNames", "")),
      AllowedTypes(readRegexOption("AllowedTypes", AllowedTypesSource)),
      AllowedNames(readRegexOption("AllowedNames", AllowedNamesSource)) {}

void StaticStateCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  StatelessCheck::storeOptions(Opts);
  Options.store(Opts, "AllowedTypes", AllowedTypesSource);
  Options.store(Opts, "AllowedNames", AllowedNamesSource);
}

void StaticStateCheck::reportVariables(TranslationUnitAnalysis &Analysis,
                                       SourceManager &SM) {
  const HandlerModel &Handlers = Analysis.handlers();
  for (const GlobalVariable &G : Analysis.globalState().variables()) {
    if (G.Keyed != (Reports == Partition::KeyedContainers))
      continue;
    // A malformed annotation is reported, and allows nothing.
    bool Allowed = G.Allow && G.Allow->isValid();
    if (G.Allow && !Allowed)
      reportAnnotationProblem(*G.Allow, displayName(G), SM);
    if (!G.CanHoldState || G.Writes.empty() || (Allowed && !ReportAllowed) ||
        isAllowedByOptions(G))
      continue;
    const ShownWrite Show = showWrite(Handlers, G.Writes);
    if (!Show.Shown && ReportScope == Scope::Handlers)
      continue;
    reportWrite(G, Show.Shown ? *Show.Shown : G.Writes.front(),
                Show.FromHandler ? Handlers.describe(*Show.FromHandler)
                                 : std::vector<Note>(),
                SM);
    emitOtherHandlers(Handlers, Show.Writers, Show.FromHandler, SM);
    emitAllowedNote(G.Allow, SM);
  }
}

bool StaticStateCheck::isAllowedByOptions(const GlobalVariable &G) const {
  const VarDecl &VD = *G.Decl;
  if (AllowedNames.matchesAny({VD.getNameAsString(), qualifiedName(VD)}))
    return true;
  if (AllowedTypes.empty())
    return false;
  PrintingPolicy Policy(VD.getASTContext().getLangOpts());
  std::vector<std::string> TypeNames = {
      VD.getType().getUnqualifiedType().getAsString(Policy),
      VD.getType().getCanonicalType().getUnqualifiedType().getAsString(Policy)};
  if (const CXXRecordDecl *Held = underlyingRecord(VD.getType())) {
    const NamedDecl *Named = Held;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Held))
      Named = Spec->getSpecializedTemplate();
    TypeNames.push_back(qualifiedName(*Named));
  }
  return AllowedTypes.matchesAny(TypeNames);
}

void StaticStateCheck::reportWrite(const GlobalVariable &G, const Write &W,
                                   const std::vector<Note> &Path,
                                   SourceManager &SM) {
  const bool Keyed = Reports == Partition::KeyedContainers;
  const char *Message =
      Keyed ? "%0 '%1'%2 is modified after start-up: entries stored in one "
              "instance are missing from the others and lost on restart"
            : "%0 '%1'%2 is modified after start-up: its value is "
              "per-instance and lost on restart";
  SourceLocation DeclLoc = SM.getFileLoc(G.Decl->getLocation());
  SourceLocation WriteLoc = locate(W, SM);
  if (G.DefinedInMainFile) {
    diag(DeclLoc, Message) << describeVariable(G, Keyed) << displayName(G)
                            << sharedBy(G);
    diag(WriteLoc, "'%0' is modified here", DiagnosticIDs::Note)
        << displayName(G);
  } else {
    diag(WriteLoc, Message) << describeVariable(G, Keyed) << displayName(G)
                            << sharedBy(G);
    diag(DeclLoc, "'%0' is declared here", DiagnosticIDs::Note)
        << displayName(G);
  }
  emitNotes(Path, SM);
}

} // namespace stateless

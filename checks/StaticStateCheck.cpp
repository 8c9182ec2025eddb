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
  case GlobalVariable::Scope::SharedObject:
    return Keyed ? "container of type" : "object of type";
  case GlobalVariable::Scope::Namespace:
    break;
  }
  return Keyed ? "global container" : "global variable";
}

std::string displayName(const GlobalVariable &G) {
  if (!G.Decl)
    return G.type().getAsString(
        G.Made->Class->getASTContext().getPrintingPolicy());
  if (G.Kind == GlobalVariable::Scope::StaticLocal ||
      G.Kind == GlobalVariable::Scope::SharedLocal)
    return G.Decl->getNameAsString();
  return qualifiedName(*G.Decl);
}

/// How notes name it: its name, or an object made inline by its type.
std::string noteName(const GlobalVariable &G) {
  return (G.Decl ? "'" + displayName(G) + "'" : "the object");
}

/// For what start-up code shares, who shares it.
std::string sharedBy(const GlobalVariable &G) {
  if (!G.SharedBy)
    return "";
  return ", which '" + qualifiedName(*G.SharedBy) + "' " +
         (G.Decl ? "shares" : "makes and shares") + " with request code,";
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
  if (G.Decl && AllowedNames.matchesAny(
                    {G.Decl->getNameAsString(), qualifiedName(*G.Decl)}))
    return true;
  if (AllowedTypes.empty())
    return false;
  const QualType Type = G.type();
  PrintingPolicy Policy(getLangOpts());
  std::vector<std::string> TypeNames = {
      Type.getUnqualifiedType().getAsString(Policy),
      Type.getCanonicalType().getUnqualifiedType().getAsString(Policy)};
  if (const CXXRecordDecl *Held = underlyingRecord(Type)) {
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
  SourceLocation DeclLoc = SM.getFileLoc(G.location());
  SourceLocation WriteLoc = locate(W, SM);
  if (G.DefinedInMainFile) {
    diag(DeclLoc, Message) << describeVariable(G, Keyed) << displayName(G)
                            << sharedBy(G);
    diag(WriteLoc, "%0 is modified here", DiagnosticIDs::Note) << noteName(G);
  } else {
    diag(WriteLoc, Message) << describeVariable(G, Keyed) << displayName(G)
                            << sharedBy(G);
    diag(DeclLoc, G.Decl ? "%0 is declared here" : "%0 is made here",
         DiagnosticIDs::Note)
        << noteName(G);
  }
  emitNotes(Path, SM);
}

} // namespace stateless

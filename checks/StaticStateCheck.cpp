//===--- StaticStateCheck.cpp - shared base of the declaration checks ------===//

#include "StaticStateCheck.h"
#include "KnownTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

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
  case GlobalVariable::Scope::Namespace:
    break;
  }
  return Keyed ? "global container" : "global variable";
}

std::string displayName(const GlobalVariable &G) {
  if (G.Kind == GlobalVariable::Scope::StaticLocal)
    return G.Decl->getNameAsString();
  return qualifiedName(*G.Decl);
}

} // namespace

StaticStateCheck::StaticStateCheck(llvm::StringRef Name,
                                   tidy::ClangTidyContext *Context,
                                   Partition Reports)
    : ClangTidyCheck(Name, Context), CheckName(Name), Reports(Reports),
      AllowedTypesSource(Options.get("AllowedTypes", "")),
      AllowedNamesSource(Options.get("AllowedNames", "")),
      AllowedTypes(readRegexOption("AllowedTypes", AllowedTypesSource)),
      AllowedNames(readRegexOption("AllowedNames", AllowedNamesSource)) {}

RegexList StaticStateCheck::readRegexOption(llvm::StringRef Option,
                                            const std::string &Value) {
  std::string Error;
  RegexList List = RegexList::parse(Value, Error);
  if (!Error.empty())
    configurationDiag("invalid regular expression %0 in option '%1.%2'; the "
                      "option is ignored")
        << Error << CheckName << Option;
  return List;
}

void StaticStateCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AllowedTypes", AllowedTypesSource);
  Options.store(Opts, "AllowedNames", AllowedNamesSource);
}

void StaticStateCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis walks the unit itself (see GlobalStateAnalysis); matching
  // the unit once is only the hook to run it.
  Finder->addMatcher(translationUnitDecl(), this);
}

void StaticStateCheck::check(const MatchFinder::MatchResult &Result) {
  Analysis = GlobalStateAnalysis::forTranslationUnit(*Result.Context);
  const SourceManager &SM = *Result.SourceManager;
  for (const GlobalVariable &G : Analysis->variables()) {
    if (G.Keyed != (Reports == Partition::KeyedContainers))
      continue;
    // A malformed annotation is reported, and allows nothing.
    bool Allowed = G.Allow && G.Allow->isValid();
    if (G.Allow && !Allowed)
      reportAnnotationProblem(G, *G.Allow, SM);
    if (G.CanHoldState && G.FirstWrite && !Allowed && !isAllowedByOptions(G))
      reportWrite(G, *G.FirstWrite, SM);
  }
}

void StaticStateCheck::onEndOfTranslationUnit() { Analysis.reset(); }

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

void StaticStateCheck::reportAnnotationProblem(const GlobalVariable &G,
                                               const AllowAnnotation &Allow,
                                               const SourceManager &SM) {
  SourceLocation Loc = SM.getFileLoc(Allow.Loc);
  if (Allow.Issue == AllowAnnotation::Problem::UnknownKind)
    diag(Loc, "STATELESS_ALLOW on '%0' has unknown kind '%1'; use one of %2")
        << displayName(G) << Allow.Kind << allowedKindList();
  else
    diag(Loc, "STATELESS_ALLOW on '%0' needs a reason: say why losing this "
              "state is safe")
        << displayName(G);
}

void StaticStateCheck::reportWrite(const GlobalVariable &G, const Write &W,
                                   const SourceManager &SM) {
  const bool Keyed = Reports == Partition::KeyedContainers;
  const char *Message =
      Keyed ? "%0 '%1' is modified after start-up: entries stored in one "
              "instance are missing from the others and lost on restart"
            : "%0 '%1' is modified after start-up: its value is per-instance "
              "and lost on restart";
  SourceLocation DeclLoc = SM.getFileLoc(G.Decl->getLocation());
  SourceLocation WriteLoc = SM.getFileLoc(W.Site->getBeginLoc());
  if (G.DefinedInMainFile) {
    diag(DeclLoc, Message) << describeVariable(G, Keyed) << displayName(G);
    diag(WriteLoc, "'%0' is modified here", DiagnosticIDs::Note)
        << displayName(G);
  } else {
    diag(WriteLoc, Message) << describeVariable(G, Keyed) << displayName(G);
    diag(DeclLoc, "'%0' is declared here", DiagnosticIDs::Note)
        << displayName(G);
  }
}

} // namespace stateless

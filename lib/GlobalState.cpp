//===--- GlobalState.cpp - variables with static storage and their writes --===//

#include "GlobalState.h"
#include "KnownTypes.h"
#include "StateWrites.h"
#include "WriteFinder.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/MapVector.h"

using namespace clang;

namespace stateless {
namespace {

bool isInMainFile(const Decl &D, const SourceManager &SM) {
  return SM.isInMainFile(SM.getExpansionLoc(D.getLocation()));
}

bool isConstObject(const VarDecl &VD, const ASTContext &Context) {
  return Context.getBaseElementType(VD.getType()).isConstQualified();
}

GlobalVariable describe(const VarDecl &VD, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  GlobalVariable G;
  const VarDecl *Definition = VD.getDefinition();
  G.DefinedInMainFile = Definition && isInMainFile(*Definition, SM);
  G.Decl = G.DefinedInMainFile ? Definition : VD.getCanonicalDecl();
  G.Kind = VD.isStaticLocal()          ? GlobalVariable::Scope::StaticLocal
           : VD.isStaticDataMember()   ? GlobalVariable::Scope::StaticMember
                                       : GlobalVariable::Scope::Namespace;
  G.ThreadLocal = VD.getTLSKind() != VarDecl::TLS_None;
  G.Keyed = isKeyedContainer(VD.getType());
  G.CanHoldState = !isConstObject(VD, Context) &&
                   !neverHoldsState(VD.getType()) &&
                   !isScratchBuffer(VD, Context);
  G.Allow = findAllowAnnotation(VD);
  return G;
}

bool isBefore(SourceLocation A, SourceLocation B, const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(SM.getFileLoc(A), SM.getFileLoc(B));
}

} // namespace

GlobalStateAnalysis::GlobalStateAnalysis(CodeFacts &Facts,
                                         const HandlerModel &Handlers,
                                         WriteFinders &Finders) {
  ASTContext &Context = Facts.context();
  const SourceManager &SM = Context.getSourceManager();

  // One entry per variable as written: the instantiations of a template
  // share the location of their pattern.
  llvm::MapVector<SourceLocation, GlobalVariable> ByDeclaration;
  auto EntryFor = [&](const VarDecl &VD) -> GlobalVariable & {
    SourceLocation Key = VD.getCanonicalDecl()->getLocation();
    auto [It, Inserted] = ByDeclaration.insert({Key, GlobalVariable()});
    if (Inserted)
      It->second = describe(VD, Context);
    return It->second;
  };
  for (const VarDecl *VD : Facts.annotatedVariables())
    EntryFor(*VD);

  // Every function walked: the main file's, and those its code reaches.
  const std::vector<const FunctionDecl *> Functions = Facts.walkedFunctions();
  NarrowedTraversalScope Scope(Facts.context(), Functions);
  StateWrites Writes(Facts, Handlers, Finders);
  for (const FunctionDecl *F : Functions) {
    if (Handlers.isStartUpOnly(F))
      continue;
    for (const GlobalReference &R : Facts.factsOf(F)->GlobalRefs)
      for (const Write &W : Writes.of(*R.Ref, *R.Root, *F))
        EntryFor(*R.Var).Writes.push_back(W);
  }

  for (auto &Entry : ByDeclaration) {
    GlobalVariable &G = Entry.second;
    llvm::stable_sort(G.Writes, [&](const Write &A, const Write &B) {
      return isBefore(A.Site->getBeginLoc(), B.Site->getBeginLoc(), SM);
    });
    Variables.push_back(std::move(G));
  }
  llvm::stable_sort(Variables, [&](const GlobalVariable &A,
                                   const GlobalVariable &B) {
    return isBefore(A.Decl->getLocation(), B.Decl->getLocation(), SM);
  });
}

} // namespace stateless

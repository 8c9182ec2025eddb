//===--- GlobalState.cpp - variables with static storage and their writes --===//

#include "GlobalState.h"
#include "KnownTypes.h"
#include "SharedObjects.h"
#include "StateWrites.h"
#include "WriteFinder.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/MapVector.h"
#include <set>

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
  G.Kind = VD.hasLocalStorage()        ? GlobalVariable::Scope::SharedLocal
           : VD.isStaticLocal()        ? GlobalVariable::Scope::StaticLocal
           : VD.isStaticDataMember()   ? GlobalVariable::Scope::StaticMember
                                       : GlobalVariable::Scope::Namespace;
  if (G.Kind == GlobalVariable::Scope::SharedLocal)
    G.SharedBy = dyn_cast<FunctionDecl>(VD.getParentFunctionOrMethod());
  G.ThreadLocal = VD.getTLSKind() != VarDecl::TLS_None;
  G.Keyed = isKeyedContainer(VD.getType());
  G.CanHoldState = !isConstObject(VD, Context) &&
                   !neverHoldsState(VD.getType()) &&
                   !isScratchBuffer(VD, Context);
  G.Allow = findAllowAnnotation(VD);
  return G;
}

/// An object made inline has no declaration to annotate.
GlobalVariable describe(const Creation &Made, const FunctionDecl &MadeBy,
                        const SourceManager &SM) {
  GlobalVariable G;
  G.Made = &Made;
  G.SharedBy = &MadeBy;
  G.Kind = GlobalVariable::Scope::SharedObject;
  G.DefinedInMainFile = SM.isInMainFile(SM.getExpansionLoc(G.location()));
  G.Keyed = isKeyedContainer(G.type());
  G.CanHoldState = !neverHoldsState(G.type());
  return G;
}

bool isBefore(SourceLocation A, SourceLocation B, const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(SM.getFileLoc(A), SM.getFileLoc(B));
}

} // namespace

SourceLocation GlobalVariable::location() const {
  return Decl ? Decl->getLocation() : Made->Site->getBeginLoc();
}

QualType GlobalVariable::type() const {
  return Decl ? Decl->getType() : Made->Type;
}

void addRemoteWrites(std::vector<Write> &Writes,
                     llvm::ArrayRef<IndexedWrite> Found,
                     const HandlerModel &Handlers,
                     llvm::function_ref<bool(const index::Function &)> Counts) {
  const size_t Before = Writes.size();
  // A function of a header is in every unit that includes it.
  std::set<FileLocation> Seen;
  for (const IndexedWrite &W : Found) {
    FunctionNode F = Handlers.resolve(W.Function->USR);
    // This unit's own code was searched already.
    if (!isa_and_present<const index::Function *>(F) ||
        Handlers.isStartUpOnly(F) || !Counts(*W.Function) ||
        !Seen.insert(W.Write->Site).second)
      continue;
    Writes.push_back({nullptr, F, W.Write->Site});
  }
  llvm::stable_sort(llvm::MutableArrayRef<Write>(Writes).drop_front(Before),
                    [](const Write &A, const Write &B) {
                      return A.Elsewhere < B.Elsewhere;
                    });
}

GlobalStateAnalysis::GlobalStateAnalysis(CodeFacts &Facts,
                                         const HandlerModel &Handlers,
                                         WriteFinders &Finders,
                                         const Project *Remote) {
  ASTContext &Context = Facts.context();
  const SourceManager &SM = Context.getSourceManager();

  // One entry per variable as written: the instantiations of a template
  // share the location of their pattern.
  llvm::MapVector<SourceLocation, GlobalVariable> ByDeclaration;
  auto EntryAt = [&](SourceLocation Key,
                     auto Describe) -> GlobalVariable & {
    auto [It, Inserted] = ByDeclaration.insert({Key, GlobalVariable()});
    if (Inserted)
      It->second = Describe();
    return It->second;
  };
  auto EntryFor = [&](const VarDecl &VD) -> GlobalVariable & {
    return EntryAt(VD.getCanonicalDecl()->getLocation(),
                   [&] { return describe(VD, Context); });
  };
  for (const VarDecl *VD : Facts.annotatedVariables())
    EntryFor(*VD);
  // With the project index, other units may write what the main file defines.
  if (Remote)
    for (const VarDecl *VD : Facts.definedVariables())
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
  findSharedLocalWrites(
      Facts, Handlers, Finders, Remote,
      [&](const SharedObject &Object, const Write &W) {
        GlobalVariable &Entry =
            Object.Local
                ? EntryFor(*Object.Local)
                : EntryAt(Object.Made->Site->getBeginLoc(), [&] {
                    return describe(*Object.Made, *Object.Owner, SM);
                  });
        Entry.Writes.push_back(W);
      });

  for (auto &Entry : ByDeclaration) {
    GlobalVariable &G = Entry.second;
    // This unit's writes in source order, then the other units' (a shared
    // local's, found through members) by place.
    auto Elsewhere = std::stable_partition(G.Writes.begin(), G.Writes.end(),
                                        [](const Write &W) { return W.Site; });
    std::stable_sort(G.Writes.begin(), Elsewhere,
                     [&](const Write &A, const Write &B) {
                       return isBefore(A.Site->getBeginLoc(),
                                       B.Site->getBeginLoc(), SM);
                     });
    std::stable_sort(Elsewhere, G.Writes.end(),
                     [](const Write &A, const Write &B) {
                       return A.Elsewhere < B.Elsewhere;
                     });
    // What start-up code shares is this unit's alone.
    if (Remote && !G.SharedBy) {
      llvm::StringRef USR = Remote->Usrs.of(G.Decl->getCanonicalDecl());
      // Each variable is reported by one unit of the project.
      if (USR.empty() ||
          !Remote->View.liveOwnsVariable(USR, G.DefinedInMainFile))
        continue;
      addRemoteWrites(G.Writes, Remote->View.writesTo(USR), Handlers,
                      [](const index::Function &) { return true; });
    }
    Variables.push_back(std::move(G));
  }
  llvm::stable_sort(Variables, [&](const GlobalVariable &A,
                                   const GlobalVariable &B) {
    return isBefore(A.location(), B.location(), SM);
  });
}

} // namespace stateless

//===--- GlobalState.cpp - variables with static storage and their writes --===//

#include "GlobalState.h"
#include "KnownTypes.h"
#include "WriteFinder.h"

#include "stateless/annotations.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include <mutex>

using namespace clang;

namespace stateless {
namespace {

/// Code that runs while the process starts, before it serves anything.
bool isStartUp(const FunctionDecl *F) {
  return !F || F->isMain() || F->hasAttr<ConstructorAttr>();
}

bool isInMainFile(const Decl &D, const SourceManager &SM) {
  return SM.isInMainFile(SM.getExpansionLoc(D.getLocation()));
}

bool isConstObject(const VarDecl &VD, const ASTContext &Context) {
  return Context.getBaseElementType(VD.getType()).isConstQualified();
}

/// Collects, per function body, the references that main-file code makes to
/// variables with static storage, and the main-file ones that are annotated.
class ReferenceCollector : public RecursiveASTVisitor<ReferenceCollector> {
  using Base = RecursiveASTVisitor<ReferenceCollector>;

public:
  /// The code a reference belongs to: a function and the statement the
  /// mutation analysis runs over (its body, or a constructor initialiser).
  struct Owner {
    const FunctionDecl *Function;
    const Stmt *Root;
  };
  struct Reference {
    const Expr *Ref;
    const VarDecl *Var;
    Owner Where;
  };

  explicit ReferenceCollector(const SourceManager &SM) : SM(SM) {}

  std::vector<Reference> References;
  std::vector<const VarDecl *> AnnotatedVariables;

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() || !FD->getBody())
      return Base::TraverseDecl(D);
    Owners.push_back({FD, FD->getBody()});
    bool Continue = Base::TraverseDecl(D);
    Owners.pop_back();
    return Continue;
  }

  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (Owners.empty() || !Init->getInit())
      return Base::TraverseConstructorInitializer(Init);
    Owners.push_back({Owners.back().Function, Init->getInit()});
    bool Continue = Base::TraverseConstructorInitializer(Init);
    Owners.pop_back();
    return Continue;
  }

  // A lambda called where it is written is part of the surrounding code;
  // any other lambda is a function of its own (a handler registered in main()
  // serves requests).
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (Call->getOperator() == OO_Call && Call->getNumArgs() > 0)
      if (const auto *L = dyn_cast<LambdaExpr>(Call->getArg(0)->IgnoreImplicit()))
        ImmediatelyInvoked.insert(L);
    return true;
  }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    bool OwnCode = !ImmediatelyInvoked.contains(L);
    if (OwnCode)
      Owners.push_back({L->getCallOperator(), L->getBody()});
    bool Continue = Base::TraverseLambdaExpr(L);
    if (OwnCode)
      Owners.pop_back();
    // The body of a generic lambda is judged in its instantiations.
    if (FunctionTemplateDecl *Generic = L->getDependentCallOperator())
      for (FunctionDecl *Instance : Generic->specializations())
        Continue = Continue && TraverseDecl(Instance);
    return Continue;
  }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    noteReference(*E, E->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    noteReference(*E, E->getMemberDecl());
    return true;
  }

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasGlobalStorage() && !VD->isImplicit() && isInMainFile(*VD, SM) &&
        VD->hasAttr<AnnotateAttr>())
      AnnotatedVariables.push_back(VD);
    return true;
  }

private:
  void noteReference(const Expr &E, const ValueDecl *D) {
    const auto *VD = dyn_cast_or_null<VarDecl>(D);
    // References outside any function are in namespace-scope initialisers,
    // which run at start-up. Dependent code is judged in its instantiations.
    if (!VD || !VD->hasGlobalStorage() || Owners.empty() ||
        Owners.back().Function->isDependentContext() ||
        VD->getType()->isReferenceType() || VD->getType()->isDependentType() ||
        SM.isInSystemHeader(SM.getExpansionLoc(VD->getLocation())))
      return;
    References.push_back({&E, VD, Owners.back()});
  }

  const SourceManager &SM;
  std::vector<Owner> Owners;
  llvm::DenseSet<const LambdaExpr *> ImmediatelyInvoked;
};

GlobalVariable describe(const VarDecl &VD, const ASTContext &Context) {
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
                   !isSynchronisationPrimitive(VD.getType()) &&
                   !isRandomGenerator(VD.getType());
  G.Allow = findAllowAnnotation(VD);
  return G;
}

bool isBefore(SourceLocation A, SourceLocation B, const SourceManager &SM) {
  return SM.isBeforeInTranslationUnit(SM.getFileLoc(A), SM.getFileLoc(B));
}

} // namespace

GlobalStateAnalysis::GlobalStateAnalysis(ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  ReferenceCollector Collector(SM);
  // clang-tidy scopes the traversal to the whole unit, clangd to the main
  // file's top-level declarations; either way only main-file code is walked.
  for (Decl *Scope : Context.getTraversalScope()) {
    if (const auto *TU = dyn_cast<TranslationUnitDecl>(Scope)) {
      for (Decl *D : TU->decls())
        if (isInMainFile(*D, SM))
          Collector.TraverseDecl(D);
    } else {
      Collector.TraverseDecl(Scope);
    }
  }

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
  for (const VarDecl *VD : Collector.AnnotatedVariables)
    EntryFor(*VD);

  llvm::DenseMap<const Stmt *, std::unique_ptr<WriteFinder>> Finders;
  for (const auto &R : Collector.References) {
    if (isStartUp(R.Where.Function))
      continue;
    std::unique_ptr<WriteFinder> &Finder = Finders[R.Where.Root];
    if (!Finder)
      Finder = std::make_unique<WriteFinder>(*R.Where.Root, Context);
    const Stmt *Site = Finder->findWrite(*R.Ref);
    if (!Site)
      continue;
    GlobalVariable &G = EntryFor(*R.Var);
    if (!G.FirstWrite ||
        isBefore(Site->getBeginLoc(), G.FirstWrite->Site->getBeginLoc(), SM))
      G.FirstWrite = Write{Site, R.Where.Function};
  }

  for (auto &Entry : ByDeclaration)
    Variables.push_back(std::move(Entry.second));
  llvm::stable_sort(Variables, [&](const GlobalVariable &A,
                                   const GlobalVariable &B) {
    return isBefore(A.Decl->getLocation(), B.Decl->getLocation(), SM);
  });
}

std::shared_ptr<const GlobalStateAnalysis>
GlobalStateAnalysis::forTranslationUnit(ASTContext &Context) {
  // clangd builds several units at once on different threads.
  static std::mutex Lock;
  STATELESS_ALLOW(cache, "analyses of the units being checked, recomputed on a miss")
  static llvm::DenseMap<const ASTContext *, std::weak_ptr<GlobalStateAnalysis>>
      Live;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (auto Existing = Live.lookup(&Context).lock())
      return Existing;
  }
  auto Fresh = std::make_shared<GlobalStateAnalysis>(Context);
  std::lock_guard<std::mutex> Guard(Lock);
  // Forget units whose analyses nobody holds any more.
  for (auto It = Live.begin(); It != Live.end(); ++It)
    if (It->second.expired())
      Live.erase(It);
  Live[&Context] = Fresh;
  return Fresh;
}

} // namespace stateless

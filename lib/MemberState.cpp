//===--- MemberState.cpp - data members of long-lived handler objects ------===//

#include "MemberState.h"
#include "Frameworks.h"
#include "KnownTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace stateless {
namespace {

using ClassSet = llvm::SmallPtrSet<const CXXRecordDecl *, 8>;

/// The classes of long-lived handler objects, and their bases.
ClassSet longLivedHandlerClasses(CodeFacts &Facts, const HandlerModel &Handlers) {
  // Objects request code creates live as long as the request.
  ClassSet PerRequest;
  for (const FunctionDecl *F : Handlers.handlerCode())
    if (const FunctionFacts *Known = Facts.factsOf(F))
      for (const CXXRecordDecl *Created : Known->Creates)
        PerRequest.insert(Created->getCanonicalDecl());

  ClassSet LongLived;
  for (const HandlerRoot &Root : Facts.handlerRoots()) {
    const CXXRecordDecl *Class = Facts.thisClassOf(Root.Function);
    if (!Class || !Class->hasDefinition() ||
        PerRequest.contains(Class->getCanonicalDecl()) ||
        FrameworkTables::isPerRequestClass(*Class))
      continue;
    LongLived.insert(Class->getCanonicalDecl());
    Class->forallBases([&](const CXXRecordDecl *Base) {
      LongLived.insert(Base->getCanonicalDecl());
      return true;
    });
  }
  return LongLived;
}

MemberState describe(const FieldDecl &Field, const CXXRecordDecl &Handler) {
  MemberState M;
  M.Field = &Field;
  M.Handler = &Handler;
  QualType T = Field.getType();
  M.Keyed = isKeyedContainer(T);
  M.CanHoldState = !T->isReferenceType() &&
                   !Field.getASTContext().getBaseElementType(T).isConstQualified() &&
                   !neverHoldsState(T);
  M.Allow = findAllowAnnotation(Field);
  return M;
}

} // namespace

MemberStateAnalysis::MemberStateAnalysis(CodeFacts &Facts,
                                         const HandlerModel &Handlers,
                                         WriteFinders &Finders) {
  const SourceManager &SM = Facts.context().getSourceManager();
  const ClassSet LongLived = longLivedHandlerClasses(Facts, Handlers);

  llvm::MapVector<const FieldDecl *, MemberState> ByField;
  auto EntryFor = [&](const FieldDecl &Field,
                      const CXXRecordDecl &Handler) -> MemberState & {
    auto [It, Inserted] = ByField.insert({&Field, MemberState()});
    if (Inserted)
      It->second = describe(Field, Handler);
    return It->second;
  };

  // Annotations on the members of handler classes are checked whether or
  // not the members are written.
  for (const CXXRecordDecl *Class : LongLived)
    if (const CXXRecordDecl *Definition = Class->getDefinition())
      for (const FieldDecl *Field : Definition->fields())
        if (Field->hasAttr<AnnotateAttr>())
          EntryFor(*Field, *Definition);

  const std::vector<const FunctionDecl *> Functions = Facts.walkedFunctions();
  NarrowedTraversalScope Scope(Facts.context(), Functions);
  for (const FunctionDecl *F : Functions) {
    const CXXRecordDecl *This = Facts.thisClassOf(F);
    if (!This || !LongLived.contains(This->getCanonicalDecl()) ||
        isa<CXXConstructorDecl, CXXDestructorDecl>(F) ||
        Handlers.isStartUpOnly(F))
      continue;
    for (const MemberReference &R : Facts.factsOf(F)->MemberRefs)
      if (const Stmt *Site = Finders.forRoot(*R.Root).findWrite(*R.Ref))
        EntryFor(*R.Field, *This).Writes.push_back(Write{Site, F});
  }

  auto IsBefore = [&](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(SM.getFileLoc(A), SM.getFileLoc(B));
  };
  for (auto &Entry : ByField) {
    MemberState &M = Entry.second;
    llvm::stable_sort(M.Writes, [&](const Write &A, const Write &B) {
      return IsBefore(A.Site->getBeginLoc(), B.Site->getBeginLoc());
    });
    Members.push_back(std::move(M));
  }
  llvm::stable_sort(Members, [&](const MemberState &A, const MemberState &B) {
    return IsBefore(A.Field->getLocation(), B.Field->getLocation());
  });
}

} // namespace stateless

//===--- MemberState.cpp - data members of long-lived handler objects ------===//

#include "MemberState.h"
#include "KnownTypes.h"
#include "SharedObjects.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace stateless {
namespace {

using ClassSet = llvm::SmallPtrSet<const CXXRecordDecl *, 8>;

/// The classes of long-lived handler objects and their bases: this unit's
/// by declaration and, with a project index, all of the project's by USR.
class LongLivedClasses {
public:
  LongLivedClasses(CodeFacts &Facts, const HandlerModel &Handlers,
                   const Project *Remote)
      : Remote(Remote) {
    auto AddLive = [&](const CXXRecordDecl *Class) {
      // Objects made per request or connection hold request state.
      if (!Class || !Class->hasDefinition() ||
          Handlers.isPerRequestClass(*Class))
        return;
      auto Add = [&](const CXXRecordDecl *C) {
        Classes.insert(C->getCanonicalDecl());
        // Other units' methods of the class name it by USR.
        if (Remote)
          Usrs.insert(Remote->Usrs.of(C->getCanonicalDecl()));
      };
      Add(Class);
      Class->forallBases([&](const CXXRecordDecl *Base) {
        Add(Base);
        return true;
      });
    };
    for (const HandlerRoot &Root : Facts.handlerRoots())
      AddLive(Facts.thisClassOf(Root.Function));
    if (!Remote)
      return;
    // The other units' handlers: methods of this unit, or of theirs.
    for (const index::Root *Root : Remote->View.roots()) {
      if (Root->Kind != index::RootKind::Handler)
        continue;
      FunctionNode F = Handlers.resolve(Root->Function);
      if (const auto *Live = dyn_cast_if_present<const FunctionDecl *>(F)) {
        AddLive(Facts.thisClassOf(Live));
        continue;
      }
      const auto *Other = dyn_cast_if_present<const index::Function *>(F);
      const index::Class *Class =
          Other ? Remote->View.classInfo(Other->ThisClass) : nullptr;
      if (!Class || Class->PerRequest || Handlers.isPerRequestClass(Class->USR))
        continue;
      Usrs.insert(Class->USR);
      for (const std::string &Base : Class->Bases)
        Usrs.insert(Base);
    }
  }

  bool contains(const CXXRecordDecl *Class) const {
    Class = Class->getCanonicalDecl();
    return Classes.contains(Class) ||
           (Remote && Usrs.contains(Remote->Usrs.of(Class)));
  }
  bool contains(llvm::StringRef USR) const { return Usrs.contains(USR); }
  const ClassSet &inThisUnit() const { return Classes; }

private:
  const Project *Remote;
  ClassSet Classes;
  llvm::StringSet<> Usrs;
};

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

// Containers of containers rarely nest deeper.
constexpr unsigned MaxNesting = 4;

/// Adds the class of \p T and, for a container or wrapper, the classes of
/// what it holds.
void addHeldClasses(clang::QualType T, ClassSet &Held, unsigned Depth = 0) {
  const CXXRecordDecl *Class = underlyingRecord(T);
  if (!Class || Depth > MaxNesting || !Held.insert(Class->getCanonicalDecl()).second)
    return;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type)
        addHeldClasses(Arg.getAsType(), Held, Depth + 1);
}

/// The classes whose objects a piece of state the declaration checks
/// report holds: a singleton, what a pointer points to, the values of a
/// session map. Their members are part of that finding.
ClassSet classesHeldBy(const GlobalStateAnalysis &Globals) {
  ClassSet Held;
  for (const GlobalVariable &G : Globals.variables())
    if (G.CanHoldState && !G.Writes.empty())
      addHeldClasses(G.type(), Held);
  return Held;
}

} // namespace

MemberStateAnalysis::MemberStateAnalysis(CodeFacts &Facts,
                                         const HandlerModel &Handlers,
                                         WriteFinders &Finders,
                                         const GlobalStateAnalysis &Globals,
                                         const Project *Remote) {
  const SourceManager &SM = Facts.context().getSourceManager();
  const LongLivedClasses LongLived(Facts, Handlers, Remote);

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
  for (const CXXRecordDecl *Class : LongLived.inThisUnit())
    if (const CXXRecordDecl *Definition = Class->getDefinition())
      for (const FieldDecl *Field : Definition->fields())
        if (Field->hasAttr<AnnotateAttr>())
          EntryFor(*Field, *Definition);

  const std::vector<const FunctionDecl *> Functions = Facts.walkedFunctions();
  NarrowedTraversalScope Scope(Facts.context(), Functions);
  llvm::SmallPtrSet<const CXXRecordDecl *, 8> Handled;
  for (const FunctionDecl *F : Functions) {
    const CXXRecordDecl *This = Facts.thisClassOf(F);
    if (!This || !LongLived.contains(This))
      continue;
    if (This->hasDefinition())
      Handled.insert(This->getDefinition());
    if (isa<CXXConstructorDecl, CXXDestructorDecl>(F) ||
        Handlers.isStartUpOnly(F))
      continue;
    for (const MemberReference &R : Facts.factsOf(F)->MemberRefs)
      if (const Stmt *Site = Finders.forRoot(*R.Root).findWrite(
              *R.Ref, memberStatePart(*R.Field)))
        EntryFor(*R.Field, *This).Writes.push_back(Write{Site, F, {}});
  }

  // With the project index, each member is reported by one unit of the
  // project, with the other units' writes.
  // A header an editor opens on its own reports the classes it defines.
  ClassSet DefinedHere;
  if (Remote && !Remote->View.liveIsIndexed())
    for (const CXXRecordDecl *Class : Facts.definedClasses())
      if (LongLived.contains(Class)) {
        DefinedHere.insert(Class->getCanonicalDecl());
        Handled.insert(Class);
      }
  auto Owns = [&](const RecordDecl &Class) {
    const auto *Canonical = cast<CXXRecordDecl>(Class.getCanonicalDecl());
    llvm::StringRef USR = Remote->Usrs.of(Canonical);
    return DefinedHere.contains(Canonical) ||
           (!USR.empty() &&
            Remote->View.liveOwnsClass(
               USR, Facts.implementsClass(Canonical)));
  };
  if (Remote)
    for (const CXXRecordDecl *Class : Handled)
      for (const FieldDecl *Field : Class->getDefinition()->fields()) {
        if (!Owns(*Field->getParent()))
          continue;
        std::vector<Write> Elsewhere;
        addRemoteWrites(Elsewhere,
                        Remote->View.writesTo(Remote->Usrs.of(Field)), Handlers,
                        [&](const index::Function &F) {
                          return !F.IsStructor && LongLived.contains(F.ThisClass);
                        });
        if (!Elsewhere.empty())
          llvm::append_range(EntryFor(*Field, *Class).Writes, Elsewhere);
      }

  auto IsBefore = [&](SourceLocation A, SourceLocation B) {
    return SM.isBeforeInTranslationUnit(SM.getFileLoc(A), SM.getFileLoc(B));
  };
  const ClassSet HeldByGlobals = classesHeldBy(Globals);
  for (auto &Entry : ByField) {
    MemberState &M = Entry.second;
    if ((Remote && !Owns(*M.Field->getParent())) ||
        HeldByGlobals.contains(M.Handler->getCanonicalDecl()) ||
        HeldByGlobals.contains(
            cast<CXXRecordDecl>(M.Field->getParent())->getCanonicalDecl()))
      continue;
    // This unit's writes in source order, then the other units'.
    std::stable_sort(M.Writes.begin(),
                     std::partition(M.Writes.begin(), M.Writes.end(),
                                    [](const Write &W) { return W.Site; }),
                     [&](const Write &A, const Write &B) {
                       return IsBefore(A.Site->getBeginLoc(),
                                       B.Site->getBeginLoc());
                     });
    Members.push_back(std::move(M));
  }
  llvm::stable_sort(Members, [&](const MemberState &A, const MemberState &B) {
    return IsBefore(A.Field->getLocation(), B.Field->getLocation());
  });
}

} // namespace stateless

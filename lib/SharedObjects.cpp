//===--- SharedObjects.cpp - start-up objects that request code shares -----===//

#include "SharedObjects.h"
#include "KnownTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/PointerUnion.h"
#include "llvm/ADT/SetVector.h"

using namespace clang;

namespace stateless {
namespace {

// Objects handed on from one constructor to the next (main -> listener ->
// session) rarely go deeper.
constexpr unsigned MaxHandOns = 8;

/// A member type that refers to an object rather than holding one.
bool refersToObject(QualType T) {
  if (T->isReferenceType() || T->isPointerType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  static constexpr llvm::StringLiteral SharedPointers[] = {
      "std::shared_ptr", "std::weak_ptr", "boost::shared_ptr",
      "boost::weak_ptr"};
  return RD && listed(qualifiedName(*templateOrSelf(RD)), SharedPointers);
}

/// The expression a value is passed on from: through parentheses, implicit
/// conversions, `std::move`, copies and `&`.
const Expr *passedFrom(const Expr *E) {
  for (;;) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1 &&
        !isa<CXXTemporaryObjectExpr>(Construct)) {
      E = Construct->getArg(0);
    } else if (const auto *Call = dyn_cast<CallExpr>(E);
               Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
               isForwardingCast(*Call->getDirectCallee())) {
      E = Call->getArg(0);
    } else if (const auto *AddressOf = dyn_cast<UnaryOperator>(E);
               AddressOf && AddressOf->getOpcode() == UO_AddrOf) {
      E = AddressOf->getSubExpr();
    } else {
      return E;
    }
  }
}

/// The parameter of \p Constructor that \p Field is initialised from.
const ParmVarDecl *initialisingParameter(const FieldDecl &Field,
                                         const CXXConstructorDecl &Constructor) {
  for (const CXXCtorInitializer *Init : Constructor.inits()) {
    if (Init->getMember() != &Field || !Init->getInit())
      continue;
    const auto *Ref = dyn_cast<DeclRefExpr>(passedFrom(Init->getInit()));
    return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  }
  return nullptr;
}

/// The members, by USR, each constructor parameter is kept in.
using KeptIn = llvm::SmallVector<std::pair<unsigned, llvm::StringRef>, 2>;

/// A local of start-up code, or an object it makes inline.
using StartUpObject = llvm::PointerUnion<const VarDecl *, const Creation *>;

/// Members are named by USR, so that this unit's facts and the other
/// units' meet.
class SharedLocals {
public:
  SharedLocals(CodeFacts &Facts, const HandlerModel &Handlers,
               const Project *Remote)
      : Facts(Facts), Handlers(Handlers), Remote(Remote),
        OwnUsrs(Facts.context().getSourceManager()),
        Usrs(Remote ? Remote->Usrs : OwnUsrs) {
    for (const FunctionDecl *F : Facts.walkedFunctions())
      if (Handlers.isStartUpOnly(F))
        for (const Creation &Created : Facts.factsOf(F)->Creates)
          StartUpCreations[Created.Site] = {&Created, F};
    // Which members point to which locals: from the locals handed to
    // constructors, then on through those members, to a fixed point.
    for (unsigned Round = 0; Round < MaxHandOns; ++Round)
      if (!handOn())
        break;
  }

  /// A local of start-up code, other than a reference or a parameter.
  bool isStartUpLocal(const VarDecl &Var) const {
    const auto *Declaring =
        dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
    return Var.hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
           !Var.getType()->isReferenceType() && Declaring &&
           Handlers.isStartUpOnly(definitionOf(Declaring));
  }

  llvm::ArrayRef<StartUpObject> pointedToBy(const FieldDecl &Field) const {
    return Members.empty() ? llvm::ArrayRef<StartUpObject>()
                           : pointedToBy(Usrs.of(&Field));
  }
  llvm::ArrayRef<StartUpObject> pointedToBy(llvm::StringRef Member) const {
    // MapVector's iterator is a pointer in newer LLVM, a class in LLVM 16.
    auto Found = Members.find(Member); // NOLINT(readability-qualified-auto)
    if (Found == Members.end())
      return {};
    return Found->second.getArrayRef();
  }

  SharedObject describe(StartUpObject Object) const {
    if (const auto *Var = dyn_cast<const VarDecl *>(Object))
      return {Var, nullptr,
              dyn_cast<FunctionDecl>(Var->getParentFunctionOrMethod())};
    const auto *Made = cast<const Creation *>(Object);
    return {nullptr, Made, StartUpCreations.lookup(Made->Site).second};
  }

  /// The members that refer to shared objects, by USR, with the objects.
  const auto &members() const { return Members; }

private:
  /// The start-up objects \p Arg passes on: a start-up local, one made
  /// right there, or those a member of `this` points to.
  llvm::SmallVector<StartUpObject, 1> objectsIn(const Expr &Arg) const {
    const Expr *From = passedFrom(&Arg);
    if (const auto *New = dyn_cast<CXXNewExpr>(From); New && New->getConstructExpr())
      From = New->getConstructExpr();
    if (auto Made = StartUpCreations.find(From); Made != StartUpCreations.end())
      return {Made->second.first};
    if (const auto *Ref = dyn_cast<DeclRefExpr>(From)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (Var && isStartUpLocal(*Var))
        return {Var};
    } else if (const FieldDecl *Field = handedOnMember(Arg)) {
      return llvm::SmallVector<StartUpObject, 1>(pointedToBy(*Field));
    }
    return {};
  }

  /// The constructor \p Created runs: its definition in this unit or, with
  /// the index, in another.
  FunctionNode constructorOf(const Creation &Created) const {
    if (const FunctionDecl *Definition = definitionOf(Created.Constructor))
      return Definition;
    return Created.Constructor ? Handlers.resolve(Usrs.of(Created.Constructor))
                               : nullptr;
  }

  /// The borrowed members of the constructor \p Node (none for library
  /// code), by parameter.
  KeptIn keptIn(FunctionNode Node) const {
    KeptIn Result;
    if (const auto *Other = dyn_cast_if_present<const index::Function *>(Node))
      for (const index::Kept &K : Other->Keeps)
        Result.push_back({K.Parameter, K.Member});
    else if (const auto *Constructor = dyn_cast_or_null<CXXConstructorDecl>(
                 dyn_cast_if_present<const FunctionDecl *>(Node));
             Constructor && !Facts.isLibraryCode(*Constructor))
      for (auto [Index, Field] : borrowedMembers(*Constructor))
        if (llvm::StringRef Member = Usrs.of(Field); !Member.empty())
          Result.push_back({Index, Member});
    return Result;
  }

  bool handOn() {
    bool Changed = false;
    for (const FunctionDecl *F : Facts.walkedFunctions())
      for (const Creation &Created : Facts.factsOf(F)->Creates)
        for (auto [Index, Member] : keptIn(constructorOf(Created)))
          if (Index < Created.Args.size())
            for (StartUpObject Object : objectsIn(*Created.Args[Index]))
              Changed |= Members[Member].insert(Object);
    // The other units pass members on to constructors the same way.
    if (Remote)
      for (size_t From = 0; From < Members.size(); ++From)
        for (const index::HandOn *H :
             Remote->View.handOnsOf((Members.begin() + From)->first))
          for (auto [Index, Member] : keptIn(Handlers.resolve(H->Constructor)))
            if (Index == H->Argument) {
              // Members may grow: copy before inserting.
              const llvm::SmallVector<StartUpObject, 2> Objects(
                  (Members.begin() + From)->second.getArrayRef());
              for (StartUpObject Object : Objects)
                Changed |= Members[Member].insert(Object);
            }
    return Changed;
  }

  CodeFacts &Facts;
  const HandlerModel &Handlers;
  const Project *Remote;
  UsrCache OwnUsrs;
  UsrCache &Usrs;
  /// What start-up code makes inline, and which function makes it.
  llvm::DenseMap<const Expr *, std::pair<const Creation *, const FunctionDecl *>>
      StartUpCreations;
  llvm::MapVector<llvm::StringRef, llvm::SmallSetVector<StartUpObject, 1>>
      Members;
};

} // namespace

llvm::SmallVector<std::pair<unsigned, const FieldDecl *>, 2>
borrowedMembers(const CXXConstructorDecl &Constructor) {
  llvm::SmallVector<std::pair<unsigned, const FieldDecl *>, 2> Result;
  for (const FieldDecl *Field : Constructor.getParent()->fields())
    if (refersToObject(Field->getType()))
      if (const ParmVarDecl *Param = initialisingParameter(*Field, Constructor))
        Result.push_back({Param->getFunctionScopeIndex(), Field});
  return Result;
}

std::optional<WriteFinder::Part> pointeePart(const FieldDecl &Field) {
  if (!refersToObject(Field.getType()))
    return std::nullopt;
  return Field.getType()->isReferenceType() ? WriteFinder::Part::ObjectOrPointee
                                            : WriteFinder::Part::Pointee;
}

const FieldDecl *handedOnMember(const Expr &Arg) {
  const auto *Member = dyn_cast<MemberExpr>(passedFrom(&Arg));
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
  return Field && refersToObject(Field->getType()) ? Field : nullptr;
}

WriteFinder::Part memberStatePart(const FieldDecl &Field) {
  const auto *Class = dyn_cast<CXXRecordDecl>(Field.getParent());
  const bool Borrowed =
      Class && refersToObject(Field.getType()) &&
      llvm::any_of(Class->ctors(), [&](const CXXConstructorDecl *C) {
        const FunctionDecl *Definition = definitionOf(C);
        return Definition &&
               initialisingParameter(Field,
                                     *cast<CXXConstructorDecl>(Definition));
      });
  return Borrowed ? WriteFinder::Part::Object
                  : WriteFinder::Part::ObjectOrPointee;
}

void findSharedLocalWrites(
    CodeFacts &Facts, const HandlerModel &Handlers, WriteFinders &Finders,
    const Project *Remote,
    llvm::function_ref<void(const SharedObject &, const Write &)> Found) {
  const SharedLocals Shared(Facts, Handlers, Remote);
  using Part = WriteFinder::Part;
  for (const FunctionDecl *F : Facts.walkedFunctions()) {
    // Request code: what a handler reaches.
    if (!Handlers.pathTo(F))
      continue;
    const FunctionFacts &Known = *Facts.factsOf(F);
    for (const CapturedReference &R : Known.CapturedRefs)
      if (Shared.isStartUpLocal(*R.Var))
        if (const Stmt *Site = Finders.forRoot(*R.Root).findWrite(
                *R.Ref, R.ByReference ? Part::ObjectOrPointee : Part::Pointee))
          Found(Shared.describe(R.Var), Write{Site, F, {}});
    for (const MemberReference &R : Known.MemberRefs) {
      llvm::ArrayRef<StartUpObject> Objects = Shared.pointedToBy(*R.Field);
      std::optional<Part> Through = pointeePart(*R.Field);
      if (Objects.empty() || !Through)
        continue;
      if (const Stmt *Site =
              Finders.forRoot(*R.Root).findWrite(*R.Ref, *Through))
        for (StartUpObject Object : Objects)
          Found(Shared.describe(Object), Write{Site, F, {}});
    }
  }
  if (!Remote)
    return;
  // The other units' writes through the same members, in request code.
  for (const auto &[Member, Objects] : Shared.members()) {
    std::vector<Write> Elsewhere;
    addRemoteWrites(Elsewhere, Remote->View.writesThrough(Member), Handlers,
                    [&](const index::Function &F) {
                      return Handlers.pathTo(Handlers.resolve(F.USR))
                          .has_value();
                    });
    for (const Write &W : Elsewhere)
      for (StartUpObject Object : Objects)
        Found(Shared.describe(Object), W);
  }
}

} // namespace stateless

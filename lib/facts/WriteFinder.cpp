//===--- WriteFinder.cpp - writes to the object an expression denotes ------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "WriteFinder.h"
#include "Compat.h"
#include "KnownTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace stateless {
namespace {

// Accessors of accessors (`m.at(k).find(x)->second`) rarely nest deeper.
constexpr unsigned MaxDepth = 6;

/// The statement that uses \p E, seen through parentheses and implicit
/// casts only; \p Used is what it uses.
const Stmt *userThroughParens(const Expr &E, const ParentMap &PM,
                              const Expr *&Used) {
  Used = &E;
  const Stmt *User = PM.getParent(Used);
  while (isa_and_nonnull<ParenExpr, ImplicitCastExpr>(User)) {
    Used = cast<Expr>(User);
    User = PM.getParent(User);
  }
  return User;
}

/// Skips what sits between an expression and its use without changing the
/// object it denotes: parentheses, implicit casts, temporaries, copies.
const Stmt *useOf(const Expr &E, const ParentMap &PM, const Expr *&Used) {
  Used = &E;
  const Stmt *P = PM.getParent(&E);
  while (P) {
    const auto *PE = dyn_cast<Expr>(P);
    bool Transparent =
        PE && (isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
                   CXXBindTemporaryExpr, ExprWithCleanups>(PE) ||
               (isa<CXXConstructExpr>(PE) &&
                cast<CXXConstructExpr>(PE)->getNumArgs() == 1 &&
                !isa<CXXTemporaryObjectExpr>(PE)));
    if (!Transparent)
      return P;
    Used = PE;
    P = PM.getParent(P);
  }
  return nullptr;
}

/// A keyed container's `operator[]`: it inserts a missing key, but used to
/// read (`config["host"]`) it is a lookup; what is done with its result
/// decides.
bool isLookup(const CXXMethodDecl &Method) {
  return Method.getOverloadedOperator() == OO_Subscript &&
         isKeyedContainer(Method.getThisType()->getPointeeType());
}

/// True when \p E is \p Target, or a member or element of it.
bool isPartOf(const Expr *E, const Expr &Target) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (E == &Target)
      return true;
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->isArrow() ? nullptr : ME->getBase();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      E = AS->getBase();
    else
      return false;
  }
  return false;
}

/// \p E is (part of) what the pointer \p Pointer points to: `p->m`,
/// `(*p).m.n`.
bool isPartOfPointee(const Expr *E, const Expr &Pointer) {
  auto IsPointer = [&](const Expr *P) {
    return P->IgnoreParenImpCasts() == Pointer.IgnoreParenImpCasts();
  };
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return IsPointer(ME->getBase());
      E = ME->getBase();
    } else if (const auto *Deref = dyn_cast<UnaryOperator>(E);
               Deref && Deref->getOpcode() == UO_Deref) {
      return IsPointer(Deref->getSubExpr());
    } else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
    } else {
      return false;
    }
  }
  return false;
}

/// The object and the method of \p S when it calls a method (a member call
/// or an overloaded operator that is a member); nulls otherwise.
std::pair<const Expr *, const CXXMethodDecl *> memberCall(const Stmt &S) {
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S))
    return {Call->getImplicitObjectArgument(), Call->getMethodDecl()};
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S))
    return {Op->getNumArgs() ? Op->getArg(0) : nullptr,
            dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee())};
  return {nullptr, nullptr};
}

/// A call of a method of a server, a lock, a connection or a handle to an
/// outside resource (`s->server.send(...)`): it changes none of the
/// service's state.
bool callsStatelessObject(const Stmt &Mutation) {
  auto [Object, Method] = memberCall(Mutation);
  return Object && Method && neverHoldsState(Object->getType());
}

bool isDereference(const Stmt &S, const Expr &Operand) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
  if (!Op || Op->getNumArgs() == 0 ||
      Op->getArg(0)->IgnoreParenImpCasts() != Operand.IgnoreParenImpCasts())
    return false;
  return Op->getOperator() == OO_Arrow ||
         (Op->getOperator() == OO_Star && Op->getNumArgs() == 1);
}

bool sameParameterTypes(const FunctionDecl &A, const FunctionDecl &B) {
  if (A.getNumParams() != B.getNumParams())
    return false;
  for (unsigned I = 0; I < A.getNumParams(); ++I)
    if (A.getParamDecl(I)->getType().getCanonicalType() !=
        B.getParamDecl(I)->getType().getCanonicalType())
      return false;
  return true;
}

// Pointers followed into the functions and classes they are handed to.
constexpr unsigned MaxNesting = 2;

// Forwarding chains (make_shared, allocate_shared, the allocator's
// construct, placement new) are rarely longer.
constexpr unsigned MaxForwardingDepth = 12;

/// A function that returns its reference parameter as it is: `std::move`,
/// `std::forward`, Boost's `sp_forward`, or one like them.
bool isIdentity(const FunctionDecl *F) {
  if (!F || F->getNumParams() != 1 || !F->getReturnType()->isReferenceType() ||
      !F->getParamDecl(0)->getType()->isReferenceType())
    return false;
  if (isForwardingCast(*F))
    return true;
  // An instantiation used only in unevaluated or constant contexts may have
  // no body of its own: its template's tells the same.
  const FunctionDecl *Definition = nullptr;
  if (!F->hasBody(Definition))
    Definition = F->getTemplateInstantiationPattern();
  const auto *Body =
      Definition ? dyn_cast_or_null<CompoundStmt>(Definition->getBody()) : nullptr;
  if (!Body || Body->size() != 1)
    return false;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  const auto *Ref =
      Value ? dyn_cast<DeclRefExpr>(Value->IgnoreParenCasts()) : nullptr;
  return Ref && Ref->getDecl() == Definition->getParamDecl(0);
}

/// \p E without parentheses, implicit nodes and identity calls around it.
const Expr *stripIdentities(const Expr *E) {
  for (;;) {
    E = E->IgnoreImplicit()->IgnoreParens()->IgnoreImplicit();
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call || Call->getNumArgs() != 1 || !isIdentity(Call->getDirectCallee()))
      return E;
    E = Call->getArg(0);
  }
}

/// The function a call or construction calls, its arguments, and how many
/// of them come before the function's parameters (the object of a member
/// operator call).
struct CallSite {
  const FunctionDecl *Callee = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  unsigned Skipped = 0;
};

std::optional<CallSite> callSiteOf(const Stmt &S) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    return CallSite{Construct->getConstructor(),
                    {Construct->getArgs(), Construct->getNumArgs()}, 0};
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call || !Call->getDirectCallee())
    return std::nullopt;
  unsigned Skipped = isa<CXXOperatorCallExpr>(Call) &&
                             isa<CXXMethodDecl>(Call->getDirectCallee())
                         ? 1
                         : 0;
  return CallSite{Call->getDirectCallee(),
                  {Call->getArgs(), Call->getNumArgs()}, Skipped};
}

/// Parameter \p Index of \p F is a forwarding reference (`Args &&...args`
/// in the template it is instantiated from).
bool isForwardingParameter(const FunctionDecl &F, unsigned Index) {
  const FunctionTemplateDecl *Template = F.getPrimaryTemplate();
  if (!Template || F.getNumParams() <= Index)
    return false;
  llvm::ArrayRef<ParmVarDecl *> Pattern =
      Template->getTemplatedDecl()->parameters();
  if (Pattern.empty())
    return false;
  // A pack expands into the last parameters.
  QualType T = Pattern[std::min<size_t>(Index, Pattern.size() - 1)]->getType();
  if (const auto *Expansion = T->getAs<PackExpansionType>())
    T = Expansion->getPattern();
  const auto *Ref = T->getAs<RValueReferenceType>();
  return Ref && !Ref->getPointeeType().hasQualifiers() &&
         Ref->getPointeeType()->getAs<TemplateTypeParmType>();
}

/// Whether a parameter of type \p T (not a forwarding one) can write the
/// argument, or with \p Pointee, what the argument points to.
bool parameterWrites(QualType T, bool Pointee) {
  if (!Pointee)
    return T->isReferenceType() && !T.getNonReferenceType().isConstQualified();
  T = T.getNonReferenceType();
  return !T->isPointerType() || !T->getPointeeType().isConstQualified();
}

} // namespace

WriteFinder::WriteFinder(const Stmt &Body, ASTContext &Context,
                         unsigned Nesting)
    : Body(Body), Context(Context), Analyzer(Body, Context), Nesting(Nesting) {}

WriteFinder::~WriteFinder() = default;

const ParentMap &WriteFinder::parents() {
  if (!Parents)
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(&Body));
  return *Parents;
}

const Stmt *WriteFinder::findWrite(const Expr &Ref, Part What) {
  switch (What) {
  case Part::ObjectOrPointee:
    return findWrite(Ref, 0);
  case Part::Object: {
    if (holdsNoData(Ref.getType()))
      return nullptr;
    const Stmt *Write = findObjectWrite(Ref, 0);
    // `p->method()` changes what the pointer points to, not the pointer.
    if (const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Write);
        Call && Ref.getType()->isPointerType())
      if (const auto *Callee = dyn_cast<MemberExpr>(Call->getCallee());
          Callee && Callee->isArrow() &&
          Callee->getBase()->IgnoreParenImpCasts() == Ref.IgnoreParenImpCasts())
        return nullptr;
    return Write;
  }
  case Part::Pointee:
    return findWriteThroughPointee(Ref, /*FollowCopies=*/false, 1);
  }
  return nullptr;
}

const Stmt *WriteFinder::findWrite(const Expr &Ref, unsigned Depth) {
  // An object without data members has nothing to write.
  if (Depth > MaxDepth || holdsNoData(Ref.getType()))
    return nullptr;
  if (const Stmt *Own = findObjectWrite(Ref, Depth))
    return Own;
  return findWriteThroughPointee(Ref, /*FollowCopies=*/false, Depth + 1);
}

const Stmt *WriteFinder::findObjectWrite(const Expr &Ref, unsigned Depth) {
  const Stmt *Mutation = Analyzer.findMutation(&Ref);
  if (!Mutation)
    return nullptr;
  // An array that decays to a pointer: what is written through the pointer.
  if (const auto *Decay = dyn_cast<ImplicitCastExpr>(Mutation);
      SeesPointeeWrites && Decay &&
      Decay->getCastKind() == CK_ArrayToPointerDecay &&
      Decay->getSubExpr()->IgnoreParens() == Ref.IgnoreParens())
    return findWriteThroughHandedPointer(*Decay);
  // A cast to a non-const reference (`reinterpret_cast<T &>(x)`, as
  // protobuf's accessors return their default instances) is another name
  // for it: a write if what is done with the cast writes.
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Mutation);
      Cast && Cast->getTypeAsWritten()->isLValueReferenceType() &&
      Cast->getSubExpr()->IgnoreParenImpCasts() == Ref.IgnoreParenImpCasts())
    return findWrite(*Cast, Depth + 1);
  // Its address handed to a function: a write if the function writes
  // through it (reported where the address is taken).
  if (const auto *AddressOf = dyn_cast<UnaryOperator>(Mutation);
      SeesPointeeWrites && AddressOf && AddressOf->getOpcode() == UO_AddrOf &&
      AddressOf->getSubExpr()->IgnoreParens() == Ref.IgnoreParens() &&
      isCallArgument(*AddressOf))
    return findWriteThroughHandedPointer(*AddressOf) ? Mutation : nullptr;
  if (const Expr *Access = accessorCall(*Mutation, Ref)) {
    // A map's `m[k];` whose value nothing uses is there to insert.
    if (const auto *Lookup = dyn_cast<CXXOperatorCallExpr>(Access);
        Lookup && Lookup->getDirectCallee() &&
        isLookup(*cast<CXXMethodDecl>(Lookup->getDirectCallee())) &&
        isDiscarded(*Access))
      return Mutation;
    return findWriteThroughResult(*Access, Depth + 1);
  }
  return onlyForwardedToReads(*Mutation, Ref, /*Pointee=*/false) ||
                 callsStatelessObject(*Mutation)
             ? nullptr
             : Mutation;
}

bool WriteFinder::handsOutAccess(const Stmt &Write) {
  // `return x;` as a reference, found at the return, or `return &x;`.
  const auto *AddressOf = dyn_cast<UnaryOperator>(&Write);
  if (AddressOf && AddressOf->getOpcode() != UO_AddrOf)
    return false;
  const Stmt *S = AddressOf ? parents().getParent(AddressOf) : &Write;
  while (S && isa<ParenExpr, ImplicitCastExpr, ExprWithCleanups,
                 ConditionalOperator>(S))
    S = parents().getParent(S);
  return S && isa<ReturnStmt>(S);
}

namespace {

const Decl *referencedDecl(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  return nullptr;
}

/// A number, a boolean or an enumeration, atomic or not.
bool isFlag(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Atomic = T->getAs<AtomicType>())
    T = Atomic->getValueType();
  if (const auto *Specialization = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl());
      Specialization && Specialization->getTemplateArgs().size() == 1 &&
      qualifiedName(*Specialization->getSpecializedTemplate()) == "std::atomic")
    T = Specialization->getTemplateArgs()[0].getAsType();
  return T->isArithmeticType() || T->isEnumeralType();
}

/// A condition that holds while the variable \p Var is unset: `!x`,
/// `x == nullptr` (either way round), `x.isNull()`, `x.empty()`,
/// `!x.has_value()`.
bool testsUnset(const Expr *Cond, const Decl &Var, ASTContext &Context) {
  Cond = Cond->IgnoreParenImpCasts();
  bool Negated = false;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    Negated = true;
    Cond = Not->getSubExpr()->IgnoreParenImpCasts();
  }
  // `x` itself, or its conversion to bool.
  if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(Cond);
      Conversion && isa<CXXConversionDecl>(Conversion->getMethodDecl()))
    Cond = Conversion->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if (Negated && referencedDecl(Cond) == &Var)
    return true;
  if (const auto *Test = dyn_cast<CXXMemberCallExpr>(Cond);
      Test && Test->getNumArgs() == 0 && Test->getMethodDecl() &&
      Test->getMethodDecl()->getIdentifier() &&
      referencedDecl(Test->getImplicitObjectArgument()) == &Var) {
    llvm::StringRef Name = Test->getMethodDecl()->getName();
    return Negated ? Name == "has_value" : Name == "isNull" || Name == "empty";
  }
  if (Negated)
    return false;
  const Expr *Left = nullptr, *Right = nullptr;
  if (const auto *Equal = dyn_cast<BinaryOperator>(Cond);
      Equal && Equal->getOpcode() == BO_EQ) {
    Left = Equal->getLHS();
    Right = Equal->getRHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
             Op && Op->getOperator() == OO_EqualEqual && Op->getNumArgs() == 2) {
    Left = Op->getArg(0);
    Right = Op->getArg(1);
  } else {
    return false;
  }
  auto IsNull = [&](const Expr *E) {
    return E->IgnoreParenImpCasts()->isNullPointerConstant(
        Context, Expr::NPC_ValueDependentIsNotNull);
  };
  return (referencedDecl(Left) == &Var && IsNull(Right)) ||
         (referencedDecl(Right) == &Var && IsNull(Left));
}

} // namespace

bool WriteFinder::isLazyInitialisation(const Stmt &Write, const Expr &Ref) {
  const auto *Var = dyn_cast_or_null<ValueDecl>(referencedDecl(&Ref));
  // A flag or counter set on first use (`if (!loaded) loaded = true;`)
  // records that this instance did something; only a value made on first
  // use (an object, a pointer to one, a string) is initialisation.
  if (!Var || isFlag(Var->getType()))
    return false;
  const Expr *Assigned = nullptr;
  if (const auto *Assign = dyn_cast<BinaryOperator>(&Write);
      Assign && Assign->getOpcode() == BO_Assign)
    Assigned = Assign->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Write);
           Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    Assigned = Op->getArg(0);
  if (!Assigned || referencedDecl(Assigned) != Var)
    return false;
  for (const Stmt *Child = &Write, *Parent = parents().getParent(Child); Parent;
       Child = Parent, Parent = parents().getParent(Parent))
    if (const auto *If = dyn_cast<IfStmt>(Parent);
        If && If->getThen() == Child && testsUnset(If->getCond(), *Var, Context))
      return true;
  return false;
}

const CXXMethodDecl *WriteFinder::methodCalledOn(const Stmt &Write,
                                                 const Expr &Ref) {
  auto [Object, Method] = memberCall(Write);
  if (!Object || !Method || Method->isConst() || Method->isStatic())
    return nullptr;
  // Through a pointer or a smart pointer, the call is on what it points to.
  Object = Object->IgnoreParenImpCasts();
  if (const auto *Deref = dyn_cast<UnaryOperator>(Object);
      Deref && Deref->getOpcode() == UO_Deref)
    Object = Deref->getSubExpr();
  else if (const auto *Smart = dyn_cast<CXXOperatorCallExpr>(Object);
           Smart && Smart->getNumArgs() == 1 &&
           (Smart->getOperator() == OO_Arrow || Smart->getOperator() == OO_Star))
    Object = Smart->getArg(0);
  return isPartOf(Object, Ref) ? Method : nullptr;
}

const Expr *WriteFinder::accessorCall(const Stmt &Mutation, const Expr &Ref,
                                      bool ThroughPointer) {
  auto [Object, Method] = memberCall(Mutation);
  if (!Object || !Method || Method->isConst() ||
      !(ThroughPointer ? isPartOfPointee(Object, Ref) : isPartOf(Object, Ref)) ||
      !(hasConstOverload(*Method) || isLookup(*Method)))
    return nullptr;
  return cast<Expr>(&Mutation);
}

bool WriteFinder::isDiscarded(const Expr &E) {
  const Expr *Used = nullptr;
  const Stmt *User = useOf(E, parents(), Used);
  if (const auto *Cast = dyn_cast_or_null<CStyleCastExpr>(User))
    return Cast->getType()->isVoidType();
  return isa_and_nonnull<CompoundStmt, LabelStmt, CaseStmt, DefaultStmt>(User);
}

bool WriteFinder::hasConstOverload(const CXXMethodDecl &Method) {
  auto [It, Inserted] = ConstOverloads.try_emplace(&Method, false);
  if (!Inserted)
    return It->second;
  for (const NamedDecl *Candidate : Method.getParent()->lookup(Method.getDeclName())) {
    // A using-declaration names the base's methods (protobuf's messages
    // bring in Message::CopyFrom); a nested type or field is no method.
    const auto *Other = dyn_cast_if_present<CXXMethodDecl>(
        Candidate->getUnderlyingDecl()->getAsFunction());
    if (Other && Other != &Method && Other->isConst() &&
        sameParameterTypes(*Other, Method))
      return It->second = true;
  }
  return false;
}

const Stmt *WriteFinder::findWriteThroughResult(const Expr &Access,
                                                unsigned Depth) {
  QualType T = Access.getType();
  if (Access.isGLValue())
    return findWrite(Access, Depth);
  if (T->isPointerType())
    return findWriteThroughPointer(Access);
  return findWriteThroughPointee(Access, /*FollowCopies=*/true, Depth);
}

const Stmt *WriteFinder::findWriteThroughPointer(const Expr &Pointer) {
  // Nothing is written through a pointer to const (short of a const_cast).
  if (Pointer.getType()->getPointeeType().isConstQualified())
    return nullptr;
  const Stmt *Mutation = Analyzer.findPointeeMutation(&Pointer);
  if (!Mutation)
    return nullptr;
  // `p->table.begin()` only hands out access, as on the object itself.
  if (const Expr *Access =
          accessorCall(*Mutation, Pointer, /*ThroughPointer=*/true))
    return findWriteThroughResult(*Access, 1);
  if (onlyForwardedToReads(*Mutation, Pointer, /*Pointee=*/true) ||
      callsStatelessObject(*Mutation))
    return nullptr;
  // Copied into a local (`const char **it = names;`): what is written
  // through the copy.
  if (const VarDecl *Copy = localCopyOf(Pointer); Copy && CopiesFollowed < MaxDepth) {
    ++CopiesFollowed;
    const Stmt *Write = nullptr;
    using namespace ast_matchers;
    for (const BoundNodes &Use :
         match(findAll(declRefExpr(to(varDecl(equalsNode(Copy)))).bind("use")),
               Body, Context)) {
      Write = findWriteThroughPointer(*Use.getNodeAs<Expr>("use"));
      if (Write)
        break;
    }
    --CopiesFollowed;
    return Write;
  }
  return Mutation;
}

const VarDecl *WriteFinder::localCopyOf(const Expr &Pointer) {
  const Expr *Used = nullptr;
  const Stmt *User = useOf(Pointer, parents(), Used);
  const VarDecl *Copy = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(User); DS && DS->isSingleDecl())
    Copy = dyn_cast<VarDecl>(DS->getSingleDecl());
  else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(User);
           Assign && Assign->getOpcode() == BO_Assign && Assign->getRHS() == Used)
    if (const auto *Target =
            dyn_cast<DeclRefExpr>(Assign->getLHS()->IgnoreParenImpCasts()))
      Copy = dyn_cast<VarDecl>(Target->getDecl());
  return Copy && Copy->hasLocalStorage() && Copy->getType()->isPointerType()
             ? Copy
             : nullptr;
}

bool WriteFinder::isCallArgument(const Expr &E) {
  const Expr *Used = nullptr;
  const Stmt *User = userThroughParens(E, parents(), Used);
  return User && callSiteOf(*User).has_value();
}

const Stmt *WriteFinder::findWriteThroughHandedPointer(const Expr &Pointer) {
  const Expr *Used = nullptr;
  const Stmt *User = userThroughParens(Pointer, parents(), Used);
  std::optional<CallSite> Call = User ? callSiteOf(*User) : std::nullopt;
  if (!Call)
    return findWriteThroughPointer(Pointer);
  for (unsigned I = Call->Skipped; I < Call->Args.size(); ++I) {
    if (stripIdentities(Call->Args[I]) != stripIdentities(Used))
      continue;
    unsigned Param = I - Call->Skipped;
    if (Param >= Call->Callee->getNumParams())
      return User; // a C variadic argument
    bool Writes =
        isForwardingParameter(*Call->Callee, Param)
            ? forwardsToWrite(*Call->Callee, Param, /*Pointee=*/true, 0)
            : parameterWrites(Call->Callee->getParamDecl(Param)->getType(),
                              /*Pointee=*/true) &&
                  writesThroughParameter(*Call->Callee, Param);
    return Writes ? User : nullptr;
  }
  return findWriteThroughPointer(Pointer);
}

namespace {

/// Whether the parent map of \p Definition's body is available to the
/// mutation analysis: the unit's traversal scope holds it.
bool isInTraversalScope(const FunctionDecl &Definition, ASTContext &Context) {
  for (const Decl *Scope : Context.getTraversalScope())
    if (isa<TranslationUnitDecl>(Scope) || Scope == &Definition)
      return true;
  return false;
}

} // namespace

bool WriteFinder::writesThroughParameter(const FunctionDecl &Callee,
                                         unsigned Param) {
  const FunctionDecl *Definition = nullptr;
  if (Nesting >= MaxNesting || !Callee.hasBody(Definition) ||
      !isInTraversalScope(*Definition, Context))
    return true;
  const ParmVarDecl *Parameter = Definition->getParamDecl(Param);
  WriteFinder Inner(*Definition->getBody(), Context, Nesting + 1);
  using namespace ast_matchers;
  for (const BoundNodes &Use :
       match(findAll(declRefExpr(to(equalsNode(Parameter))).bind("use")),
             *Definition->getBody(), Context))
    if (Inner.findWriteThroughHandedPointer(*Use.getNodeAs<Expr>("use")))
      return true;
  // Kept by a constructor in a member: what the class writes through it.
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Constructor->inits()) {
      const auto *Stored =
          Init->getInit() ? dyn_cast<DeclRefExpr>(Init->getInit()->IgnoreImplicit())
                          : nullptr;
      if (Stored && Stored->getDecl() == Parameter &&
          (!Init->getMember() || writesThroughMember(*Init->getMember())))
        return true;
    }
  return false;
}

bool WriteFinder::writesThroughMember(const FieldDecl &Field) {
  if (!Field.getType()->isPointerType())
    return true;
  using namespace ast_matchers;
  const auto *Class = cast<CXXRecordDecl>(Field.getParent());
  for (const CXXMethodDecl *Method : Class->methods()) {
    if (Method->isImplicit() || Method->isDeleted() || isPureVirtual(*Method))
      continue;
    const FunctionDecl *Definition = nullptr;
    if (!Method->hasBody(Definition) || !isInTraversalScope(*Definition, Context))
      return true;
    WriteFinder Inner(*Definition->getBody(), Context, Nesting + 1);
    for (const BoundNodes &Use :
         match(findAll(memberExpr(member(equalsNode(&Field))).bind("use")),
               *Definition->getBody(), Context))
      if (Inner.findWriteThroughHandedPointer(*Use.getNodeAs<Expr>("use")))
        return true;
  }
  return false;
}

bool WriteFinder::onlyForwardedToReads(const Stmt &Mutation, const Expr &Arg,
                                       bool Pointee) {
  std::optional<CallSite> Call = callSiteOf(Mutation);
  if (!Call)
    return false;
  const Expr *Target = stripIdentities(&Arg);
  bool Passed = false;
  for (unsigned I = Call->Skipped; I < Call->Args.size(); ++I) {
    const Expr *Given = stripIdentities(Call->Args[I]);
    // \p Arg itself, or a member or element of it or of what it points to:
    // `f(it->second)` passes part of what the iterator points to.
    bool Whole = Given == Target;
    if (!Whole && !isPartOf(Given, *Target) && !isPartOfPointee(Given, *Target))
      continue;
    unsigned Param = I - Call->Skipped;
    if (!isForwardingParameter(*Call->Callee, Param) ||
        forwardsToWrite(*Call->Callee, Param, Whole && Pointee, 0))
      return false;
    Passed = true;
  }
  return Passed;
}

bool WriteFinder::forwardsToWrite(const FunctionDecl &Callee, unsigned Param,
                                  bool Pointee, unsigned Depth) {
  if (Param >= Callee.getNumParams())
    return true; // a C variadic argument
  if (!isForwardingParameter(Callee, Param))
    return parameterWrites(Callee.getParamDecl(Param)->getType(), Pointee);
  // Forwarded as an rvalue: moved from.
  if (!Pointee && Callee.getParamDecl(Param)->getType()->isRValueReferenceType())
    return true;
  // A copy is made of an lvalue; what a copied pointer points to may still
  // be written by whoever gets the copy.
  if (copiesArguments(Callee))
    return Pointee;
  const FunctionDecl *Definition = nullptr;
  if (!Callee.hasBody(Definition) || Depth > MaxForwardingDepth)
    return true;
  const ParmVarDecl &Parameter = *Definition->getParamDecl(Param);
  const Stmt &Body = *Definition->getBody();
  using namespace ast_matchers;
  const ParentMap &PM = parentsOf(Body);
  for (const BoundNodes &Use :
       match(findAll(declRefExpr(to(equalsNode(&Parameter))).bind("use")),
             Body, Context)) {
    // Where the use goes: through casts and std::forward, into a call.
    const Stmt *Child = Use.getNodeAs<Expr>("use");
    const Stmt *Parent = PM.getParent(Child);
    while (Parent && (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr>(Parent) ||
                      (isa<CallExpr>(Parent) &&
                       isIdentity(cast<CallExpr>(Parent)->getDirectCallee())))) {
      Child = Parent;
      Parent = PM.getParent(Parent);
    }
    std::optional<CallSite> Next = Parent ? callSiteOf(*Parent) : std::nullopt;
    if (!Next)
      return true;
    const auto *Found = llvm::find(Next->Args, Child);
    if (Found == Next->Args.end() ||
        unsigned(Found - Next->Args.begin()) < Next->Skipped ||
        forwardsToWrite(*Next->Callee,
                        unsigned(Found - Next->Args.begin()) - Next->Skipped,
                        Pointee, Depth + 1))
      return true;
  }
  return false;
}

const ParentMap &WriteFinder::parentsOf(const Stmt &Body) {
  std::unique_ptr<ParentMap> &Map = OtherParents[&Body];
  if (!Map)
    Map = std::make_unique<ParentMap>(const_cast<Stmt *>(&Body));
  return *Map;
}

const Stmt *WriteFinder::findWriteThroughPointee(const Expr &E,
                                                 bool FollowCopies,
                                                 unsigned Depth) {
  if (Depth > MaxDepth)
    return nullptr;
  if (E.getType()->isPointerType())
    return findWriteThroughPointer(E);
  if (!E.getType()->isRecordType())
    return nullptr;

  const Expr *Used = nullptr;
  const Stmt *User = useOf(E, parents(), Used);
  if (!User)
    return nullptr;
  if (isDereference(*User, *Used))
    return findWrite(*cast<Expr>(User), Depth);

  // An iterator handed to an algorithm that writes through it.
  if (const auto *Call = dyn_cast<CallExpr>(User))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      for (unsigned I = 0; I < Call->getNumArgs(); ++I)
        if (Call->getArg(I)->IgnoreParenImpCasts() ==
                Used->IgnoreParenImpCasts() &&
            writesThroughIteratorArgument(*Callee, I))
          return Call;

  // An iterator kept in a local variable: follow that variable's uses.
  const auto *DS = dyn_cast<DeclStmt>(User);
  if (!FollowCopies || !DS || !DS->isSingleDecl())
    return nullptr;
  const auto *Local = dyn_cast<VarDecl>(DS->getSingleDecl());
  if (!Local || Local->getType()->isReferenceType())
    return nullptr;
  using namespace ast_matchers;
  for (const BoundNodes &Use :
       match(findAll(declRefExpr(to(varDecl(equalsNode(Local)))).bind("use")),
             Body, Context))
    if (const Stmt *W = findWriteThroughPointee(
            *Use.getNodeAs<Expr>("use"), /*FollowCopies=*/false, Depth + 1))
      return W;
  return nullptr;
}

namespace {

bool refersTo(const Stmt &S, const VarDecl &Var, ASTContext &Context) {
  using namespace ast_matchers;
  return !match(findAll(declRefExpr(to(equalsNode(&Var)))), S, Context).empty();
}

bool isReferenceTo(const Expr *E, const VarDecl &Var) {
  const auto *Ref = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  return Ref && Ref->getDecl() == &Var;
}

/// \p S replaces the whole value of \p Var, without reading it, before
/// anything else it does with it.
bool overwrites(const Stmt &S, const VarDecl &Var, ASTContext &Context) {
  // `if (!reader.Parse(in, handler).IsError())`: its condition first.
  if (const auto *If = dyn_cast<IfStmt>(&S))
    return !If->getInit() && If->getCond() &&
           overwrites(*If->getCond(), Var, Context);
  const auto *E = dyn_cast<Expr>(&S);
  if (!E)
    return false;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Not = dyn_cast<UnaryOperator>(E);
      Not && Not->getOpcode() == UO_LNot)
    return overwrites(*Not->getSubExpr(), Var, Context);
  // A call on what the overwrite returns: the overwrite comes first.
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
      Call && Call->getImplicitObjectArgument() &&
      !isReferenceTo(Call->getImplicitObjectArgument(), Var) &&
      llvm::none_of(Call->arguments(),
                    [&](const Expr *Arg) { return refersTo(*Arg, Var, Context); }))
    return overwrites(*Call->getImplicitObjectArgument(), Var, Context);
  if (const auto *Assign = dyn_cast<BinaryOperator>(E))
    return Assign->getOpcode() == BO_Assign &&
           isReferenceTo(Assign->getLHS(), Var) &&
           !refersTo(*Assign->getRHS(), Var, Context);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
           isReferenceTo(Op->getArg(0), Var) &&
           !refersTo(*Op->getArg(1), Var, Context);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    if (!Method || !Method->getIdentifier() ||
        !isReferenceTo(Call->getImplicitObjectArgument(), Var))
      return false;
    if (Method->getName() == "clear")
      return Call->getNumArgs() == 0;
    // `buffer.str("")`, `reader.Parse(stream, handler)`: given content
    // that is not its own.
    return replacesContent(*Method) && Call->getNumArgs() > 0 &&
           llvm::none_of(Call->arguments(), [&](const Expr *Arg) {
             return refersTo(*Arg, Var, Context);
           });
  }
  return false;
}

} // namespace

bool isScratchBuffer(const VarDecl &Var, ASTContext &Context) {
  if (!Var.isStaticLocal() || Var.getTLSKind() == VarDecl::TLS_None)
    return false;
  const auto *F = dyn_cast<FunctionDecl>(Var.getDeclContext());
  const auto *Body = F ? dyn_cast_or_null<CompoundStmt>(F->getBody()) : nullptr;
  if (!Body)
    return false;
  // The first statement after the declaration that uses it overwrites it.
  for (const Stmt *S : Body->body()) {
    const auto *Declaration = dyn_cast<DeclStmt>(S);
    if (Declaration && llvm::is_contained(Declaration->decls(), &Var))
      continue;
    if (refersTo(*S, Var, Context))
      return overwrites(*S, Var, Context);
  }
  return false;
}

WriteFinder &WriteFinders::forRoot(const Stmt &Root) {
  std::unique_ptr<WriteFinder> &Finder = Finders[&Root];
  if (!Finder)
    Finder = std::make_unique<WriteFinder>(Root, Context);
  return *Finder;
}

NarrowedTraversalScope::NarrowedTraversalScope(
    ASTContext &Context, llvm::ArrayRef<const FunctionDecl *> Functions)
    : Context(Context) {
  // One call: older releases return a copy, so begin() and end() of two
  // calls belong to different vectors (LLVM 16 crashed).
  auto Scope = Context.getTraversalScope();
  Saved.assign(Scope.begin(), Scope.end());
  std::vector<Decl *> Narrowed;
  for (const FunctionDecl *F : Functions)
    Narrowed.push_back(const_cast<FunctionDecl *>(F));
  Context.setTraversalScope(Narrowed);
}

NarrowedTraversalScope::~NarrowedTraversalScope() {
  Context.setTraversalScope(Saved);
}

} // namespace stateless

//===--- WriteFinder.cpp - writes to the object an expression denotes ------===//

#include "WriteFinder.h"
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

} // namespace

WriteFinder::WriteFinder(const Stmt &Body, ASTContext &Context)
    : Body(Body), Context(Context), Analyzer(Body, Context) {}

WriteFinder::~WriteFinder() = default;

const ParentMap &WriteFinder::parents() {
  if (!Parents)
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(&Body));
  return *Parents;
}

const Stmt *WriteFinder::findWrite(const Expr &Ref) { return findWrite(Ref, 0); }

const Stmt *WriteFinder::findWrite(const Expr &Ref, unsigned Depth) {
  if (Depth > MaxDepth)
    return nullptr;
  if (const Stmt *Mutation = Analyzer.findMutation(&Ref)) {
    if (const Expr *Access = accessorCall(*Mutation, Ref))
      return findWriteThroughResult(*Access, Depth + 1);
    return Mutation;
  }
  return findWriteThroughPointee(Ref, /*FollowCopies=*/false, Depth + 1);
}

const Expr *WriteFinder::accessorCall(const Stmt &Mutation, const Expr &Ref) {
  const Expr *Object = nullptr;
  const CXXMethodDecl *Method = nullptr;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&Mutation)) {
    Object = Call->getImplicitObjectArgument();
    Method = Call->getMethodDecl();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Mutation)) {
    Object = Op->getNumArgs() ? Op->getArg(0) : nullptr;
    Method = dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
  }
  if (!Object || !Method || Method->isConst() || !isPartOf(Object, Ref) ||
      !hasConstOverload(*Method))
    return nullptr;
  return cast<Expr>(&Mutation);
}

bool WriteFinder::hasConstOverload(const CXXMethodDecl &Method) {
  auto [It, Inserted] = ConstOverloads.try_emplace(&Method, false);
  if (!Inserted)
    return It->second;
  for (const NamedDecl *Candidate : Method.getParent()->lookup(Method.getDeclName())) {
    const auto *Other = dyn_cast<CXXMethodDecl>(Candidate->getAsFunction());
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
  return Analyzer.findPointeeMutation(&Pointer);
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

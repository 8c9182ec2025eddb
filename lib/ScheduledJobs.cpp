//===--- ScheduledJobs.cpp - timers and threads that recur -----------------===//

#include "ScheduledJobs.h"

#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace stateless {
namespace {

/// A loop condition that holds until something stops the loop: none
/// (`for (;;)`), a constant true, or a flag read (`!stop_`,
/// `running.load()`), as opposed to a counter or a queue's state.
bool runsUntilStopped(const Expr *Cond, const ASTContext &Context) {
  if (!Cond)
    return true;
  bool Value = false;
  if (!Cond->isValueDependent() &&
      Cond->EvaluateAsBooleanCondition(Value, Context))
    return Value;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    Cond = Not->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Read = dyn_cast<CXXMemberCallExpr>(Cond);
      Read && Read->getNumArgs() == 0)
    Cond = Read->getImplicitObjectArgument()->IgnoreParenImpCasts();
  return isa<DeclRefExpr, MemberExpr>(Cond);
}

/// Finds, in one function's own code (not the lambdas it creates), a loop
/// that runs until stopped and sleeps in its body; or with \p Closers, a
/// call that closes a connection.
class CodeSearch : public RecursiveASTVisitor<CodeSearch> {
public:
  CodeSearch(const ASTContext &Context, bool Closers)
      : Context(Context), Closers(Closers) {}
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }

  bool TraverseWhileStmt(WhileStmt *S) { return loop(S, S->getCond(), S->getBody()); }
  bool TraverseDoStmt(DoStmt *S) { return loop(S, S->getCond(), S->getBody()); }
  bool TraverseForStmt(ForStmt *S) { return loop(S, S->getCond(), S->getBody()); }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && (Closers ? closesConnection(*Callee)
                           : InForeverLoop && isSleep(*Callee)))
      Found = true;
    return !Found;
  }

  bool Found = false;

private:
  template <typename Loop>
  bool loop(Loop *S, const Expr *Cond, Stmt *Body) {
    const bool Outer = InForeverLoop;
    InForeverLoop = InForeverLoop || runsUntilStopped(Cond, Context);
    bool Continue = RecursiveASTVisitor::TraverseStmt(Body);
    InForeverLoop = Outer;
    return Continue && !Found;
  }

  const ASTContext &Context;
  const bool Closers;
  bool InForeverLoop = false;
};

bool search(const FunctionDecl &F, bool Closers) {
  if (!F.getBody())
    return false;
  CodeSearch Search(F.getASTContext(), Closers);
  Search.TraverseStmt(F.getBody());
  return Search.Found;
}

} // namespace

ScheduledJobs::ScheduledJobs(CodeFacts &Facts, const HandlerModel &Handlers)
    : Facts(Facts), Handlers(Handlers) {
  for (const FunctionDecl *F : Facts.walkedFunctions())
    for (const EffectSite &E : Facts.factsOf(F)->Effects)
      if (E.What.Recurs == Recurrence::MakesSingleShot && E.What.Object)
        SingleShot.insert(E.What.Object);
}

ScheduledJobs::Verdict ScheduledJobs::judge(const EffectSite &E,
                                            const FunctionDecl &In) {
  const Effect &What = E.What;
  switch (What.Recurs) {
  case Recurrence::Once:
    return {Kind::Once, What.Action};
  case Recurrence::MakesSingleShot:
    return {Kind::None, ""};
  case Recurrence::Repeats:
    return {SingleShot.contains(What.Object) ? Kind::Once : Kind::Recurring,
            What.Action};
  case Recurrence::IfRearmed: {
    auto Handler = passedTo(*E.Site, In);
    if (What.Object && arms(reachedFrom(Handler, 3), What.Object))
      return {Kind::Recurring, "arms a timer that its completion handler arms "
                               "again"};
    if (isConnectionDeadline(What.Object, Handler))
      return {Kind::None, ""};
    return {Kind::Once, What.Action};
  }
  case Recurrence::IfLoops:
  case Recurrence::IfLoopsElseOnce:
    for (const FunctionDecl *Entry : reachedFrom(passedTo(*E.Site, In), 1))
      if (search(*Entry, /*Closers=*/false))
        return {Kind::Recurring, What.Action + " that loops with a sleep"};
    return {What.Recurs == Recurrence::IfLoops ? Kind::None : Kind::Once,
            What.Action};
  }
  return {Kind::None, ""};
}

llvm::SmallVector<const FunctionDecl *, 2>
ScheduledJobs::passedTo(const Expr &Call, const FunctionDecl &In) {
  llvm::SmallVector<const FunctionDecl *, 2> Result;
  if (const FunctionFacts *Known = Facts.factsOf(&In))
    for (const CallEdge &Edge : Known->Callees)
      if (Edge.Site != &Call &&
          Call.getSourceRange().fullyContains(Edge.Site->getSourceRange()))
        Result.push_back(Edge.Callee);
  return Result;
}

llvm::SmallVector<const FunctionDecl *, 8>
ScheduledJobs::reachedFrom(llvm::ArrayRef<const FunctionDecl *> From,
                           unsigned MaxCalls) {
  llvm::SmallVector<const FunctionDecl *, 8> Reached(From.begin(), From.end());
  llvm::SmallPtrSet<const FunctionDecl *, 8> Seen(From.begin(), From.end());
  for (size_t Begin = 0, Calls = 0; Calls < MaxCalls; ++Calls) {
    const size_t End = Reached.size();
    for (size_t I = Begin; I < End; ++I)
      if (const FunctionFacts *Known = Facts.factsOf(Reached[I]))
        for (const CallEdge &Edge : Known->Callees)
          if (Seen.insert(Edge.Callee).second)
            Reached.push_back(Edge.Callee);
    Begin = End;
  }
  return Reached;
}

bool ScheduledJobs::arms(llvm::ArrayRef<const FunctionDecl *> Code,
                         const Decl *Timer) {
  for (const FunctionDecl *F : Code)
    if (const FunctionFacts *Known = Facts.factsOf(F))
      for (const EffectSite &E : Known->Effects)
        if (E.What.Object == Timer && E.What.Recurs == Recurrence::IfRearmed)
          return true;
  return false;
}

bool ScheduledJobs::isConnectionDeadline(
    const Decl *Timer, llvm::ArrayRef<const FunctionDecl *> Handler) {
  const auto *Field = dyn_cast_or_null<FieldDecl>(Timer);
  const auto *Owner =
      Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
  if (!Owner || !Handlers.isPerRequestClass(*Owner))
    return false;
  return llvm::any_of(Handler, [](const FunctionDecl *F) {
    return search(*F, /*Closers=*/true);
  });
}

} // namespace stateless

//===--- CodeFacts.cpp - what the unit's code does, read off its AST -------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "CodeFacts.h"
#include "Annotations.h"
#include "Compat.h"
#include "KnownTypes.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace stateless {

const FunctionDecl *definitionOf(const FunctionDecl *F) {
  const FunctionDecl *Definition = nullptr;
  if (!F || !F->hasBody(Definition))
    return nullptr;
  return Definition;
}

bool isLambdaOperator(const Decl *D) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(D);
  return Method && Method->getParent()->isLambda();
}

std::string functionName(const FunctionDecl &F) {
  return isLambdaOperator(&F) ? "" : qualifiedName(F);
}

namespace {

bool isInMainFile(const Decl &D, const SourceManager &SM) {
  return SM.isInMainFile(SM.getExpansionLoc(D.getLocation()));
}

/// A declaration that does not compile, or whose class does not, is never
/// reported, as clang-tidy's own checks do.
bool isInvalid(const ValueDecl &D) {
  if (D.isInvalidDecl())
    return true;
  const RecordDecl *Class =
      D.getType()->getBaseElementTypeUnsafe()->getAsRecordDecl();
  return Class && Class->isInvalidDecl();
}

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

/// A loop body that is the sleep \p Sleep and nothing else.
bool onlySleeps(const Stmt &Body, const CallExpr &Sleep) {
  const auto *Only = dyn_cast<Expr>(Body.IgnoreContainers());
  return Only && Only->IgnoreImplicit() == &Sleep;
}

/// Whether the statements under \p S (not those of nested loops or
/// switches, for a break) leave the loop: a return or a break.
bool leavesLoop(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, BreakStmt>(S))
    return true;
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S))
    return false;
  return llvm::any_of(S->children(), leavesLoop);
}

/// Whether \p Cond holds when the timed wait whose result \p Result refers
/// to timed out (true), when it was notified (false), or neither is
/// readable: `!ok`, `ok == false`, `status == std::cv_status::timeout`.
std::optional<bool> holdsOnTimeout(const Expr *Cond,
                                   llvm::function_ref<bool(const Expr *)> Result,
                                   const ASTContext &Context) {
  Cond = Cond->IgnoreParenImpCasts();
  if (Result(Cond))
    return Cond->getType()->isBooleanType() ? std::optional<bool>(false)
                                            : std::nullopt;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    if (std::optional<bool> Inner =
            holdsOnTimeout(Not->getSubExpr(), Result, Context))
      return !*Inner;
  const Expr *Left = nullptr, *Right = nullptr;
  bool Equal = true;
  if (const auto *Compare = dyn_cast<BinaryOperator>(Cond);
      Compare && Compare->isEqualityOp()) {
    Left = Compare->getLHS(), Right = Compare->getRHS();
    Equal = Compare->getOpcode() == BO_EQ;
  } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Cond);
             Operator && Operator->getNumArgs() == 2 &&
             (Operator->getOperator() == OO_EqualEqual ||
              Operator->getOperator() == OO_ExclaimEqual)) {
    Left = Operator->getArg(0), Right = Operator->getArg(1);
    Equal = Operator->getOperator() == OO_EqualEqual;
  }
  if (!Left)
    return std::nullopt;
  if (!Result(Left->IgnoreParenImpCasts()))
    std::swap(Left, Right);
  if (!Result(Left->IgnoreParenImpCasts()))
    return std::nullopt;
  // What the result is compared with: true or false, or an enumerator
  // named timeout or no_timeout.
  bool MeansTimeout = false;
  Right = Right->IgnoreParenImpCasts();
  if (const auto *Named = dyn_cast<DeclRefExpr>(Right);
      Named && isa<EnumConstantDecl>(Named->getDecl()))
    MeansTimeout = Named->getDecl()->getName() == "timeout";
  else if (bool Value; !Right->isValueDependent() &&
                       Right->EvaluateAsBooleanCondition(Value, Context))
    MeansTimeout = !Value;
  else
    return std::nullopt;
  return Equal == MeansTimeout;
}

/// A loop that ends when its timed wait \p Wait times out, as a watchdog's
/// does (`if (!cv.wait_for(lock, timeout, heard)) return;`): it waits for
/// notifications, each before a deadline, not for the time to run a job.
/// The wait's result is tested where it is made or in the local it
/// initialises.
bool endsOnTimeout(const Stmt &Body, const CallExpr &Wait,
                   const ASTContext &Context) {
  if (Wait.getType()->isVoidType())
    return false;
  const VarDecl *Holder = nullptr;
  llvm::SmallVector<const Stmt *, 16> Work{&Body};
  llvm::SmallVector<const IfStmt *, 4> Ifs;
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Declaration = dyn_cast<DeclStmt>(S))
      for (const Decl *D : Declaration->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->getInit() &&
                                                    Var->getInit()->IgnoreImplicit() == &Wait)
          Holder = Var;
    if (const auto *If = dyn_cast<IfStmt>(S))
      Ifs.push_back(If);
    llvm::append_range(Work, S->children());
  }
  auto IsResult = [&](const Expr *E) {
    E = E->IgnoreImplicit();
    if (E == &Wait)
      return true;
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    return Holder && Ref && Ref->getDecl() == Holder;
  };
  for (const IfStmt *If : Ifs) {
    std::optional<bool> OnTimeout =
        If->getCond() ? holdsOnTimeout(If->getCond(), IsResult, Context)
                      : std::nullopt;
    if (OnTimeout &&
        leavesLoop(*OnTimeout ? If->getThen() : If->getElse()))
      return true;
  }
  return false;
}

/// A test of a container's emptiness: `c.empty()` or `c.size()`, negated
/// or not, or `c.size()` compared for equality (`c.size() == 0`).
bool testsEmpty(const Expr *Cond) {
  if (!Cond)
    return false;
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    Cond = Not->getSubExpr()->IgnoreParenImpCasts();
  auto CallsMethod = [](const Expr *E, llvm::StringRef Name) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    return Method && Method->getIdentifier() && Method->getName() == Name;
  };
  if (CallsMethod(Cond, "empty") || CallsMethod(Cond, "size"))
    return true;
  if (const auto *Compare = dyn_cast<BinaryOperator>(Cond);
      Compare && Compare->isEqualityOp())
    return CallsMethod(Compare->getLHS(), "size") ||
           CallsMethod(Compare->getRHS(), "size");
  return false;
}

/// The construction of the thread a member call such as `t.detach()` is
/// made on: the initialiser of the local `t`, or a temporary thread.
const CXXConstructExpr *threadConstruction(const Expr &Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  if (!Member || !Member->getImplicitObjectArgument())
    return nullptr;
  const Expr *Object = Member->getImplicitObjectArgument()->IgnoreImplicit();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Object))
    Object = Cast->getSubExpr()->IgnoreImplicit();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->hasLocalStorage() && Var->getInit())
      Object = Var->getInit()->IgnoreImplicit();
  const auto *Construct = dyn_cast<CXXConstructExpr>(Object);
  return Construct && Construct->getConstructor() &&
                 FrameworkTables::startsThread(*Construct->getConstructor())
             ? Construct
             : nullptr;
}

/// A thread handed a connection (a socket or stream, also among a lambda's
/// captures or a bound call's arguments) serves that client and ends with
/// it.
bool servesConnection(const CXXConstructExpr &Thread) {
  llvm::SmallVector<const Expr *, 4> Work(Thread.arguments());
  while (!Work.empty()) {
    const Expr *Arg = Work.pop_back_val();
    if (!Arg)
      continue;
    Arg = Arg->IgnoreImplicit();
    if (isConnection(Arg->getType()))
      return true;
    // A callable made beforehand: what it was made from.
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var))
        Work.push_back(Var->getInit());
    if (const auto *Lambda = dyn_cast<LambdaExpr>(Arg))
      llvm::append_range(Work, Lambda->capture_inits());
    else if (const auto *Call = dyn_cast<CallExpr>(Arg))
      Work.append(Call->arg_begin(), Call->arg_end());
  }
  return false;
}

/// A thread that \p Function waits for before it returns: it is handed a
/// local promise or packaged task (by reference, pointer or move) whose
/// future the function waits on (`f.get()`, `f.wait()`). Its work ends with
/// the request's.
bool isAwaitedThread(const Expr &Call, const FunctionDecl &Function,
                     ASTContext &Context) {
  const CXXConstructExpr *Thread = threadConstruction(Call);
  if (!Thread || !Function.getBody())
    return false;
  using namespace ast_matchers;
  for (const Expr *Arg : Thread->arguments()) {
    // Through std::ref, std::move and `&`, to the local handed over.
    const Expr *Handed = Arg->IgnoreImplicit();
    while (true) {
      if (const auto *Call = dyn_cast<CallExpr>(Handed);
          Call && Call->getNumArgs() == 1)
        Handed = Call->getArg(0)->IgnoreImplicit();
      else if (const auto *AddressOf = dyn_cast<UnaryOperator>(Handed);
               AddressOf && AddressOf->getOpcode() == UO_AddrOf)
        Handed = AddressOf->getSubExpr()->IgnoreImplicit();
      else
        break;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(Handed);
    const auto *Local = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Local || !Local->hasLocalStorage())
      continue;
    auto FutureOf = cxxMemberCallExpr(
        callee(cxxMethodDecl(hasName("get_future"))),
        on(declRefExpr(to(varDecl(equalsNode(Local))))));
    auto Future = anyOf(FutureOf, declRefExpr(to(varDecl(hasInitializer(
                                      anyOf(FutureOf, hasDescendant(FutureOf)))))));
    auto Wait = cxxMemberCallExpr(
        callee(cxxMethodDecl(hasAnyName("get", "wait", "wait_for", "wait_until"))),
        on(expr(ignoringImplicit(expr(Future)))));
    if (!match(findAll(Wait), *Function.getBody(), Context).empty())
      return true;
  }
  return false;
}

constexpr unsigned MaxCallableDepth = 8;
constexpr unsigned MaxFactoryFunctions = 64;

} // namespace

llvm::ArrayRef<const Expr *> parameterArguments(const Expr &Site,
                                                const FunctionDecl &Callee) {
  if (const auto *Made = dyn_cast<CXXConstructExpr>(&Site))
    return {Made->getArgs(), Made->getNumArgs()};
  const auto *Call = dyn_cast<CallExpr>(&Site);
  if (!Call)
    return {};
  llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  return isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee)
             ? Args.drop_front()
             : Args;
}

/// Walks code and records what CodeFacts holds.
class FactCollector : public RecursiveASTVisitor<FactCollector> {
  using Base = RecursiveASTVisitor<FactCollector>;

public:
  /// \p OwnCode: the walk of the unit's own code, where declarations (not
  /// only function bodies) make roots and classes and variables are noted.
  FactCollector(CodeFacts &Facts, bool OwnCode)
      : Facts(Facts), SM(Facts.Context.getSourceManager()),
        OwnCode(OwnCode) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    auto *F = dyn_cast_or_null<FunctionDecl>(D);
    if (!F || !F->doesThisDeclarationHaveABody() || !F->getBody())
      return Base::TraverseDecl(D);
    if (OwnCode)
      noteMainFileFunction(*F);
    Facts.record(F);
    Owners.push_back({F, F->getBody(), {}});
    bool Continue = Base::TraverseDecl(D);
    Owners.pop_back();
    return Continue;
  }

  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (Owners.empty() || !Init->getInit())
      return Base::TraverseConstructorInitializer(Init);
    if (const FieldDecl *Member = Init->getMember()) {
      if (isCallableTable(*Member))
        noteStored(Member, Init->getInit(), *Init->getInit());
      // `fd_(open(path, O_WRONLY))` keeps the handle in the member.
      if (const auto *Opened = dyn_cast<CallExpr>(Init->getInit()->IgnoreImplicit()))
        AssignedTo[Opened] = Member;
    }
    Owners.push_back({Owners.back().Function, Init->getInit(), {}});
    bool Continue = Base::TraverseConstructorInitializer(Init);
    Owners.pop_back();
    return Continue;
  }

  // A static local's initialiser runs once, when its function first runs:
  // what it refers to is initialised, not modified while serving requests.
  bool TraverseVarDecl(VarDecl *Var) {
    const bool Initialiser = Var->isStaticLocal() && Var->hasInit();
    InStaticInitialiser += Initialiser;
    const VarDecl *Outer = std::exchange(Initialising, Var);
    bool Continue = Base::TraverseVarDecl(Var);
    Initialising = Outer;
    InStaticInitialiser -= Initialiser;
    return Continue;
  }

  // A lambda called where it is written is part of the surrounding code; any
  // other lambda is a function of its own, reached from where it is created.
  bool TraverseLambdaExpr(LambdaExpr *L) {
    const bool OfItsOwn = !ImmediatelyInvoked.contains(L);
    if (!Owners.empty() && capturesThis(*L))
      if (const CXXRecordDecl *Class = Facts.thisClassOf(Owners.back().Function))
        for (const FunctionDecl *Operator : callOperators(*L))
          Facts.LambdaThisClass[Operator] = Class;
    if (OfItsOwn) {
      for (const FunctionDecl *Operator : callOperators(*L))
        reach(Operator, L);
      Facts.record(L->getCallOperator());
      if (OwnCode)
        noteMainFileFunction(*L->getCallOperator());
      Owners.push_back({L->getCallOperator(), L->getBody(), {}});
    }
    bool Continue = Base::TraverseLambdaExpr(L);
    if (OfItsOwn)
      Owners.pop_back();
    if (FunctionTemplateDecl *Generic = L->getDependentCallOperator())
      for (FunctionDecl *Instance : Generic->specializations())
        Continue = Continue && TraverseDecl(Instance);
    return Continue;
  }

  // A sleep taken while a container is empty waits for work to arrive.
  bool TraverseIfStmt(IfStmt *S) {
    if (Owners.empty() || Owners.back().Loops.empty() ||
        !testsEmpty(S->getCond()))
      return Base::TraverseIfStmt(S);
    ++Owners.back().EmptyGuards;
    bool Continue = Base::TraverseIfStmt(S);
    --Owners.back().EmptyGuards;
    return Continue;
  }

  bool TraverseWhileStmt(WhileStmt *S) {
    return traverseLoop(S, S->getCond(), &Base::TraverseWhileStmt);
  }
  bool TraverseDoStmt(DoStmt *S) {
    return traverseLoop(S, S->getCond(), &Base::TraverseDoStmt);
  }
  bool TraverseForStmt(ForStmt *S) {
    return traverseLoop(S, S->getCond(), &Base::TraverseForStmt);
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (const Expr *Callee = Call->getCallee())
      CalleeRefs.insert(Callee->IgnoreParenImpCasts());
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee) {
      // Through a function pointer, or a pointer to a member function.
      const Expr *Called = Call->getCallee()->IgnoreParens();
      if (const auto *Member = dyn_cast<BinaryOperator>(Called);
          Member && Member->isPtrMemOp())
        Called = Member->getRHS();
      noteStoredCall(Called, *Call);
      return true;
    }
    if (FrameworkTables::invokesCallable(*Callee) && Call->getNumArgs() > 0)
      noteStoredCall(Call->getArg(0), *Call);
    reach(Callee, Call);
    noteEffect(*Call);
    noteSchedule(*Call, *Callee);
    llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
    noteParametersGiven(*Callee, *Call);
    if (createsObject(*Callee))
      if (const TemplateArgumentList *Types = Callee->getTemplateSpecializationArgs())
        if (Types->size() > 0 && Types->get(0).getKind() == TemplateArgument::Type)
          if (const CXXRecordDecl *Class = Types->get(0).getAsType()->getAsCXXRecordDecl())
            noteFactoryCreation(*Call, *Callee,
                                writtenType(*Call, Types->get(0).getAsType()),
                                *Class, Args);
    if (FrameworkTables::startsThread(*Callee))
      noteThreadEntries(Args);
    for (llvm::StringRef Name : FrameworkTables::objectHandlerMethods(*Callee))
      for (const Expr *Arg : Args)
        noteHandlerMethods(underlyingRecord(Arg->getType()), Name, *Call,
                           qualifiedName(*Callee));
    if (std::string Signal = FrameworkTables::handlerSignalOf(*Call);
        !Signal.empty())
      noteRegistered(Args.drop_front(2), *Call, qualifiedName(*Callee), Signal);
    if (Facts.Frameworks.isRegistrar(*Callee))
      noteRegistered(Args, *Call, qualifiedName(*Callee),
                     FrameworkTables::routeOf(*Call));
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    const CXXConstructorDecl *Constructor = Construct->getConstructor();
    if (!Constructor)
      return true;
    noteCreated(Construct->getType(), *Constructor->getParent(), Constructor,
                {Construct->getArgs(), Construct->getNumArgs()}, *Construct);
    noteMiddlewares(*Constructor->getParent(), *Construct);
    reach(Constructor, Construct);
    noteParametersGiven(*Constructor, *Construct);
    noteEffect(*Construct);
    if (FrameworkTables::startsThread(*Constructor))
      noteThreadEntries({Construct->getArgs(), Construct->getNumArgs()});
    return true;
  }

  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    const CXXMethodDecl *Method = Call->getMethodDecl();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (Method && Object && !Method->isConst() && !Owners.empty() &&
        isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
      Facts.record(Owners.back().Function).CallsOnThis.push_back(Method);
    // routes.emplace(path, handler), jobs.push_back(job)
    if (Method && Object && FrameworkTables::storesElement(*Method))
      if (const ValueDecl *Table = tableOf(Object))
        for (const Expr *Arg : Call->arguments())
          noteStored(Table, Arg, *Call);
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Call) {
    if (Call->getNumArgs() == 0)
      return true;
    if (Call->getOperator() == OO_Call) {
      if (const auto *L = dyn_cast<LambdaExpr>(Call->getArg(0)->IgnoreImplicit()))
        ImmediatelyInvoked.insert(L);
      noteStoredCall(Call->getArg(0), *Call);
    }
    // route_table[...][...] = handler
    if (Call->getOperator() == OO_Equal && Call->getNumArgs() == 2) {
      if (const FieldDecl *Table = routeTableOf(Call->getArg(0)))
        for (const FunctionDecl *Handler : callablesIn(Call->getArg(1)))
          Facts.HandlerRoots.push_back({Handler, HandlerReason::RouteTable,
                                        Call, qualifiedName(*Table), ""});
      else if (const ValueDecl *Own = tableOf(Call->getArg(0)))
        noteStored(Own, Call->getArg(1), *Call);
    }
    return true;
  }

  // `journal = fopen(path, "a")`: the handle is kept in what is assigned,
  // the object of the open (and of the writes through it).
  bool VisitBinaryOperator(BinaryOperator *Op) {
    const Expr *Value = Op->getRHS()->IgnoreImplicit();
    // on_message = handle_message, for a pointer to a function
    if (Op->getOpcode() == BO_Assign)
      if (const ValueDecl *Table = tableOf(Op->getLHS()))
        noteStored(Table, Op->getRHS(), *Op);
    if (Op->getOpcode() == BO_Assign && isa<CallExpr>(Value))
      if (const ValueDecl *Held = objectOf(Op->getLHS()))
        AssignedTo[Value] = Held;
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl())) {
      if (!CalleeRefs.contains(Ref))
        reach(F, Ref); // passed on, to be called later
      return true;
    }
    noteGlobalReference(*Ref, Ref->getDecl());
    noteCapturedReference(*Ref);
    return true;
  }

  bool VisitMemberExpr(MemberExpr *Member) {
    noteGlobalReference(*Member, Member->getMemberDecl());
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (Field && !isInvalid(*Field) && !Owners.empty() &&
        !judgedInInstances(*Owners.back().Function) &&
        isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      Facts.record(Owners.back().Function)
          .MemberRefs.push_back({Member, Field, Owners.back().Root});
    return true;
  }

  bool VisitCXXRecordDecl(CXXRecordDecl *Class) {
    if (OwnCode && Class->isThisDeclarationADefinition() &&
        !Class->isLambda() && !Class->isDependentContext() &&
        !Class->isInvalidDecl() && isInMainFile(*Class, SM))
      Facts.DefinedClasses.push_back(Class);
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    // A table of callables made with its entries.
    if (!isa<ParmVarDecl>(Var) && Var->hasInit() &&
        !Var->getType()->isReferenceType() && isCallableTable(*Var))
      noteStored(Var, Var->getInit(), *Var->getInit());
    if (!OwnCode || !Var->hasGlobalStorage() || Var->isImplicit() ||
        isInvalid(*Var) || !isInMainFile(*Var, SM))
      return true;
    if (Var->hasAttr<AnnotateAttr>())
      Facts.AnnotatedVariables.push_back(Var);
    if (Var->isThisDeclarationADefinition() == VarDecl::Definition)
      Facts.DefinedVariables.push_back(Var);
    return true;
  }

private:
  /// The variable whose initialiser the walk is in.
  const VarDecl *Initialising = nullptr;
  llvm::DenseMap<const Expr *, const ValueDecl *> AssignedTo;

  /// A loop of the current function, and what its body does.
  struct Loop {
    bool Forever = false; ///< runs until something stops it
    const CallExpr *Sleep = nullptr;
    bool WaitsForInput = false;
    /// The call it waits for each request with (FrameworkTables::
    /// waitsForRequest), once the walk has passed it.
    const CallExpr *RequestWait = nullptr;
  };
  struct Owner {
    const FunctionDecl *Function;
    const Stmt *Root;
    /// The loops around the current statement, innermost last.
    std::vector<Loop> Loops;
    /// The `if`s in those loops around it that test whether a container is
    /// empty.
    unsigned EmptyGuards = 0;
  };

  template <typename LoopStmt>
  bool traverseLoop(LoopStmt *S, const Expr *Cond,
                    bool (Base::*Traverse)(LoopStmt *, DataRecursionQueue *)) {
    if (Owners.empty())
      return (this->*Traverse)(S, nullptr);
    Owners.back().Loops.push_back({runsUntilStopped(Cond, Facts.Context)});
    bool Continue = (this->*Traverse)(S, nullptr);
    const Loop Done = Owners.back().Loops.back();
    Owners.back().Loops.pop_back();
    // A loop that sleeps and waits for nothing between runs is a schedule;
    // one that waits for input (a queue, a socket, stdin) serves it, and
    // one that does nothing but sleep waits to be stopped.
    if (Done.Forever && Done.Sleep && !Done.WaitsForInput &&
        !onlySleeps(*S->getBody(), *Done.Sleep) &&
        !endsOnTimeout(*S->getBody(), *Done.Sleep, Facts.Context))
      noteSleepLoop(*Done.Sleep);
    if (!Owners.back().Loops.empty()) {
      Loop &Outer = Owners.back().Loops.back();
      Outer.Sleep = Outer.Sleep ? Outer.Sleep : Done.Sleep;
      Outer.WaitsForInput |= Done.WaitsForInput;
      // A wait in a nested loop (`GPR_ASSERT(cq->Next(...))` is one) hands
      // the outer loop its request too.
      Outer.RequestWait = Outer.RequestWait ? Outer.RequestWait : Done.RequestWait;
    }
    return Continue;
  }

  /// What runs when the lambda is called: the instances of a generic
  /// lambda, or its own body while nothing in the unit instantiates it (it
  /// may be handed to a wrapper whose body the unit does not see).
  static llvm::SmallVector<const FunctionDecl *, 2>
  callOperators(const LambdaExpr &L) {
    llvm::SmallVector<const FunctionDecl *, 2> Result;
    if (FunctionTemplateDecl *Generic = L.getDependentCallOperator())
      Result.append(Generic->spec_begin(), Generic->spec_end());
    if (Result.empty())
      Result.push_back(L.getCallOperator());
    return Result;
  }

  /// Dependent code is judged in its instantiations, when it has any.
  static bool judgedInInstances(const FunctionDecl &F) {
    if (!F.isDependentContext())
      return false;
    const auto *Method = dyn_cast<CXXMethodDecl>(&F);
    if (!Method || !Method->getParent()->isLambda())
      return true;
    const FunctionTemplateDecl *Generic = Method->getDescribedFunctionTemplate();
    return !Generic || !Generic->specializations().empty() ||
           Method->getParent()->isDependentContext();
  }

  /// The current function reaches \p Callee; in a namespace-scope
  /// initialiser, \p Callee runs at start-up.
  void reach(const FunctionDecl *Callee, const Expr *Site) {
    const FunctionDecl *Definition = definitionOf(Callee);
    // Library code is not followed: what it does is judged at the call.
    const FunctionDecl *Target = Definition ? Definition : Callee;
    if (Facts.isLibraryCode(*Target))
      return;
    if (Owners.empty()) {
      if (OwnCode && Definition)
        Facts.StartUpRoots.push_back(Definition);
      return;
    }
    Facts.record(Owners.back().Function)
        .Callees.push_back({Target, Site, Owners.back().Root});
    if (const CallExpr *Wait = requestWait())
      noteRequestLoopHandler(Target, *Site, *Wait);
  }

  /// The call that a loop around the current statement waits for requests
  /// with, when the walk has passed it: what follows serves that request.
  const CallExpr *requestWait() const {
    if (Owners.empty())
      return nullptr;
    for (const Loop &L : Owners.back().Loops)
      if (L.RequestWait)
        return L.RequestWait;
    return nullptr;
  }

  void noteRequestLoopHandler(const FunctionDecl *F, const Expr &Site,
                              const CallExpr &Wait) {
    Facts.HandlerRoots.push_back({F, HandlerReason::RequestLoop, &Site,
                                  qualifiedName(*Wait.getDirectCallee()), ""});
  }

  static bool capturesThis(const LambdaExpr &L) {
    for (const LambdaCapture &Capture : L.captures())
      if (Capture.capturesThis())
        return true;
    return false;
  }

  /// std::make_shared<T> and the like create a T.
  static bool createsObject(const FunctionDecl &Callee) {
    static constexpr llvm::StringLiteral Factories[] = {
        "std::make_shared", "std::make_unique", "std::allocate_shared",
        "boost::make_shared"};
    return Callee.getTemplateSpecializationArgs() &&
           llvm::is_contained(Factories, qualifiedName(Callee));
  }

  /// The type a factory's call names as written (`std::string`, not
  /// `std::basic_string<char>`), or \p Created.
  static QualType writtenType(const CallExpr &Call, QualType Created) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreParenImpCasts());
    if (!Ref || Ref->getNumTemplateArgs() == 0 ||
        Ref->template_arguments()[0].getArgument().getKind() !=
            TemplateArgument::Type)
      return Created;
    return Ref->template_arguments()[0].getArgument().getAsType();
  }

  /// A factory's call creates a \p Class with the constructor the library
  /// code it instantiates finally calls (found by following that code's
  /// calls), from the arguments after the factory's own leading parameters
  /// (allocate_shared's allocator).
  void noteFactoryCreation(const CallExpr &Call, const FunctionDecl &Factory,
                           QualType Type, const CXXRecordDecl &Class,
                           llvm::ArrayRef<const Expr *> Args) {
    auto [Found, Inserted] = FactoryConstructors.try_emplace(&Factory);
    if (Inserted) {
      llvm::SmallPtrSet<const FunctionDecl *, 16> Seen;
      Found->second = constructionIn(&Factory, Class, Seen);
    }
    unsigned Leading = 0;
    if (const FunctionTemplateDecl *Template = Factory.getPrimaryTemplate())
      for (const ParmVarDecl *Param : Template->getTemplatedDecl()->parameters()) {
        if (Param->isParameterPack())
          break;
        ++Leading;
      }
    noteCreated(Type, Class, Found->second,
                Args.drop_front(std::min<size_t>(Leading, Args.size())), Call);
    // The constructor runs where the factory is called (its own call is in
    // library code, which is not followed).
    if (Found->second)
      reach(Found->second, &Call);
  }

  /// The first construction of a \p Class in \p F or in the template
  /// instances it calls.
  static const CXXConstructorDecl *
  constructionIn(const FunctionDecl *F, const CXXRecordDecl &Class,
                 llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
    const FunctionDecl *Definition = definitionOf(F);
    // A factory reaches the construction in a few layers (make_shared ->
    // shared_ptr -> control block -> allocator -> placement new).
    if (!Definition || !Definition->isTemplateInstantiation() ||
        Seen.size() >= MaxFactoryFunctions || !Seen.insert(Definition).second)
      return nullptr;
    if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Definition))
      for (const CXXCtorInitializer *Init : Constructor->inits())
        if (const CXXConstructorDecl *Found =
                constructionUnder(Init->getInit(), Class, Seen))
          return Found;
    return constructionUnder(Definition->getBody(), Class, Seen);
  }

  static const CXXConstructorDecl *
  constructionUnder(const Stmt *S, const CXXRecordDecl &Class,
                    llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
    if (!S)
      return nullptr;
    const FunctionDecl *Callee = nullptr;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      const CXXConstructorDecl *Constructor = Construct->getConstructor();
      if (Constructor && declaresSameEntity(Constructor->getParent(), &Class))
        return Constructor;
      Callee = Constructor;
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      Callee = Call->getDirectCallee();
    }
    if (const CXXConstructorDecl *Found = constructionIn(Callee, Class, Seen))
      return Found;
    for (const Stmt *Child : S->children())
      if (const CXXConstructorDecl *Found = constructionUnder(Child, Class, Seen))
        return Found;
    return nullptr;
  }

  void noteCreated(QualType Type, const CXXRecordDecl &Class,
                   const CXXConstructorDecl *Constructor,
                   llvm::ArrayRef<const Expr *> Args, const Expr &Site) {
    if (!Owners.empty())
      Facts.record(Owners.back().Function)
          .Creates.push_back({&Class, Type, Constructor, Args, &Site});
  }

  /// A lambda's reference to a local of a function around it, and how the
  /// lambdas between them capture it.
  void noteCapturedReference(const DeclRefExpr &Ref) {
    const auto *Var = dyn_cast<VarDecl>(Ref.getDecl());
    if (!Var || !Ref.refersToEnclosingVariableOrCapture() ||
        !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) || isInvalid(*Var) ||
        Var->getType()->isReferenceType() || Owners.empty() ||
        judgedInInstances(*Owners.back().Function))
      return;
    const DeclContext *Declaring = Var->getParentFunctionOrMethod();
    bool ByReference = true;
    for (auto Owner = Owners.rbegin(); Owner != Owners.rend(); ++Owner) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Owner->Function);
      if (!Method || !Method->getParent()->isLambda() || Method == Declaring)
        break;
      for (const LambdaCapture &Capture : Method->getParent()->captures())
        if (Capture.capturesVariable() && Capture.getCapturedVar() == Var)
          ByReference = ByReference && Capture.getCaptureKind() == LCK_ByRef;
    }
    Facts.record(Owners.back().Function)
        .CapturedRefs.push_back({&Ref, Var, Owners.back().Root, ByReference});
  }

  /// A sleep in a loop that runs until stopped makes the function a
  /// schedule; a call that closes a connection, a deadline's handler.
  void noteSchedule(const CallExpr &Call, const FunctionDecl &Callee) {
    if (Owners.empty())
      return;
    if (closesConnection(Callee))
      Facts.record(Owners.back().Function).ClosesConnection = true;
    if (FrameworkTables::runsServer(Callee))
      Facts.record(Owners.back().Function).RunsServer = true;
    std::vector<Loop> &Loops = Owners.back().Loops;
    if (Loops.empty())
      return;
    if (isSleep(Callee) && !isYield(Call, Facts.Context) && !Loops.back().Sleep)
      Loops.back().Sleep = &Call;
    if (waitsForInput(Callee) || (isSleep(Callee) && Owners.back().EmptyGuards))
      Loops.back().WaitsForInput = true;
    if (FrameworkTables::waitsForRequest(Callee) && !Loops.back().RequestWait)
      Loops.back().RequestWait = &Call;
  }

  /// The current function sleeps in a loop that runs until stopped: run
  /// by a thread, a scheduled job; run by start-up code itself, one too.
  void noteSleepLoop(const CallExpr &Sleep) {
    FunctionFacts &Caller = Facts.record(Owners.back().Function);
    if (Caller.LoopsWithSleep)
      return;
    Caller.LoopsWithSleep = true;
    KnownEffect Job{EffectKind::Timer, qualifiedName(*Sleep.getDirectCallee()),
                    "sleeps in a loop that runs until stopped", nullptr,
                    Recurrence::SleepsInLoop};
    Caller.Effects.push_back({std::move(Job), &Sleep});
  }

  void noteEffect(const Expr &E) {
    if (Owners.empty())
      return;
    std::optional<KnownEffect> What = classifyEffect(E, Facts.Context);
    // A thread the function waits for, or one that serves a client (a
    // request loop's, one handed a connection), is judged where it starts
    // (a thread that does not loop is no job), not where it is detached.
    const CXXConstructExpr *Thread = threadConstruction(E);
    if (!What || isAwaitedThread(E, *Owners.back().Function, Facts.Context) ||
        (Thread && (requestWait() || servesConnection(*Thread))))
      return;
    // A thread object made here (`std::thread t(job)`) is the object its
    // detach is made on: one thread, one finding.
    if (!What->Object && isa<CXXConstructExpr>(E) && Initialising &&
        Initialising->hasLocalStorage() && Initialising->getInit() &&
        Initialising->getInit()->IgnoreImplicit() == &E)
      What->Object = Initialising;
    if (!What->Object)
      if (auto Assigned = AssignedTo.find(&E); Assigned != AssignedTo.end())
        What->Object = Assigned->second;
    // A thread made and detached in one expression
    // (`std::thread(job).detach()`) is one thread too.
    const auto *Made = dyn_cast<CXXConstructExpr>(&E);
    if (!Thread && Made && Made->getConstructor() &&
        FrameworkTables::startsThread(*Made->getConstructor()))
      Thread = Made;
    const CXXConstructExpr *Temporary = What->Object ? nullptr : Thread;
    Facts.record(Owners.back().Function).Effects.push_back({*What, &E, Temporary});
  }

  void noteGlobalReference(const Expr &E, const ValueDecl *D) {
    const auto *Var = dyn_cast_or_null<VarDecl>(D);
    // References outside any function are in namespace-scope initialisers,
    // which run at start-up. Dependent code is judged in its instantiations.
    if (!Var || isInvalid(*Var) || !Var->hasGlobalStorage() ||
        Owners.empty() || InStaticInitialiser || judgedInInstances(*Owners.back().Function) ||
        Var->getType()->isReferenceType() || Var->getType()->isDependentType() ||
        Facts.isLibraryCode(*Var))
      return;
    Facts.record(Owners.back().Function)
        .GlobalRefs.push_back({&E, Var, Owners.back().Root});
  }

  /// A thread that a request loop starts serves the request it waited for
  /// (a thread per accepted connection).
  void noteThreadEntries(llvm::ArrayRef<const Expr *> Args) {
    const CallExpr *Wait = requestWait();
    for (const Expr *Arg : Args)
      for (const FunctionDecl *Entry : callablesIn(Arg))
        if (Wait)
          noteRequestLoopHandler(Entry, *Arg, *Wait);
        else
          Facts.ThreadRoots.push_back({Entry, Arg});
  }

  /// The methods named \p Name of \p Class serve requests, registered at
  /// \p Site: their instances, or a member template's pattern while the
  /// unit instantiates none.
  void noteHandlerMethods(const CXXRecordDecl *Class, llvm::StringRef Name,
                          const Expr &Site, const std::string &Via) {
    if (!Class || !Class->hasDefinition())
      return;
    auto Add = [&](const FunctionDecl *F) {
      // A method defined in another unit is a root all the same: the
      // index joins it to its definition there.
      const FunctionDecl *Definition = definitionOf(F);
      Facts.HandlerRoots.push_back(
          {Definition ? Definition : F, HandlerReason::Registered, &Site, Via,
           ""});
    };
    auto &Ident = Facts.Context.Idents.get(Name);
    for (const NamedDecl *D : Class->getDefinition()->lookup(&Ident)) {
      if (const auto *Generic = dyn_cast<FunctionTemplateDecl>(D)) {
        for (const FunctionDecl *Instance : Generic->specializations())
          Add(Instance);
        if (Generic->specializations().empty())
          Add(Generic->getTemplatedDecl());
      } else if (const auto *Method = dyn_cast<CXXMethodDecl>(D)) {
        Add(Method);
      }
    }
  }

  /// An object of a class that hosts middlewares (Crow's app): their
  /// request methods serve requests.
  void noteMiddlewares(const CXXRecordDecl &Host, const Expr &Site) {
    llvm::ArrayRef<llvm::StringLiteral> Names =
        FrameworkTables::middlewareMethods(Host);
    if (Names.empty() || !OwnCode)
      return;
    const auto &Spec = cast<ClassTemplateSpecializationDecl>(Host);
    auto Note = [&](const TemplateArgument &Arg) {
      if (Arg.getKind() == TemplateArgument::Type)
        for (llvm::StringRef Name : Names)
          noteHandlerMethods(Arg.getAsType()->getAsCXXRecordDecl(), Name, Site,
                             qualifiedName(*Spec.getSpecializedTemplate()));
    };
    for (const TemplateArgument &Arg : Spec.getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Pack)
        llvm::for_each(Arg.pack_elements(), Note);
      else
        Note(Arg);
  }

  void noteMainFileFunction(const FunctionDecl &F) {
    if (judgedInInstances(F))
      return;
    const auto *Method = dyn_cast<CXXMethodDecl>(&F);
    if (F.isMain() || F.hasAttr<ConstructorAttr>() ||
        (Method && FrameworkTables::isStartUpMethod(*Method)))
      Facts.StartUpRoots.push_back(&F);
    if (hasHandlerAnnotation(F) ||
        (Method && hasHandlerAnnotation(*Method->getParent())))
      Facts.HandlerRoots.push_back(
          {&F, HandlerReason::Annotated, nullptr, "", ""});
    else if (Facts.Frameworks.isHandlerFunction(F))
      Facts.HandlerRoots.push_back(
          {&F, HandlerReason::Option, nullptr, "", ""});
    else if (Method) {
      std::string HandlerBase = Facts.Frameworks.handlerBaseOf(*Method);
      if (!HandlerBase.empty())
        Facts.HandlerRoots.push_back({&F, HandlerReason::Override, nullptr,
                                      HandlerBase,
                                      FrameworkTables::routeOf(*Method)});
    }
  }

  /// The current function calls a callable that \p Called takes from a
  /// container of callables.
  void noteStoredCall(const Expr *Called, const Expr &Site) {
    if (Owners.empty())
      return;
    if (const ValueDecl *Table = tableOf(Called))
      Facts.record(Owners.back().Function).CallsStored.push_back({Table, &Site});
  }

  /// A table of callables: a container of them, or a member, a variable
  /// with static storage or a parameter of the project's own that holds one
  /// (a library's, such as a pair's `second`, is an element of a table).
  /// What is stored there runs where the table's callables are called; a
  /// parameter holds what its callers pass.
  bool isCallableTable(const ValueDecl &D) const {
    if (holdsCallables(D.getType()))
      return true;
    if (!isCallableType(D.getType()) || Facts.isLibraryCode(D))
      return false;
    const auto *Var = dyn_cast<VarDecl>(&D);
    return isa<FieldDecl>(D) || isa<ParmVarDecl>(D) ||
           (Var && Var->hasGlobalStorage());
  }

  /// The callables of \p Stored are kept in the table \p Table: those it
  /// names, and those of a table it takes them from.
  void noteStored(const ValueDecl *Table, const Expr *Stored, const Expr &Site) {
    for (const FunctionDecl *F : callablesIn(Stored))
      Facts.StoredCallables.push_back({{Table, &Site}, F, nullptr});
    if (const ValueDecl *From = tableOf(Stored); From && From != Table)
      Facts.StoredCallables.push_back({{Table, &Site}, nullptr, From});
  }

  /// What a caller passes for a callable parameter is stored in it.
  void noteParametersGiven(const FunctionDecl &Callee, const Expr &Site) {
    if (Facts.isLibraryCode(Callee))
      return;
    llvm::ArrayRef<const Expr *> Args = parameterArguments(Site, Callee);
    for (unsigned I = 0; I < Args.size() && I < Callee.getNumParams(); ++I)
      if (isCallableTable(*Callee.getParamDecl(I)))
        noteStored(Callee.getParamDecl(I), Args[I], Site);
  }

  /// A registrar given \p Args: the callables among them serve requests,
  /// and so do those of a table handed to it (a wrapper's parameter).
  void noteRegistered(llvm::ArrayRef<const Expr *> Args, const CallExpr &Call,
                      const std::string &Via, const std::string &Route) {
    for (const Expr *Arg : Args) {
      for (const FunctionDecl *Handler : callablesIn(Arg))
        Facts.HandlerRoots.push_back(
            {Handler, HandlerReason::Registered, &Call, Via, Route});
      // Registered where its callers pass them: with the wrapper.
      if (const ValueDecl *Table = tableOf(Arg)) {
        const auto *Wrapper =
            isa<ParmVarDecl>(Table)
                ? dyn_cast<FunctionDecl>(Table->getDeclContext())
                : nullptr;
        Facts.HandlerRoots.push_back(
            {nullptr, HandlerReason::Registered, &Call,
             Wrapper ? qualifiedName(*Wrapper) : Via, Route, Table});
      }
    }
  }

  /// The container of callables (a variable or a member) that \p E takes
  /// an element of: `routes[path]`, `routes.at(path)`, `it->second` of
  /// `auto it = routes.find(path)`, a local reference bound to one.
  const ValueDecl *tableOf(const Expr *E, unsigned Depth = 0) const {
    for (; E && Depth <= MaxCallableDepth; ++Depth) {
      E = E->IgnoreImplicit()->IgnoreParens();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
        return tableNamed(*Ref, Depth);
      if (const auto *Member = dyn_cast<MemberExpr>(E)) {
        const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
        if (Field && isCallableTable(*Field))
          return Field;
        E = Member->getBase();
      } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
        E = Call->getImplicitObjectArgument();
      } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
        E = Op->getNumArgs() > 0 ? Op->getArg(0) : nullptr; // [], *, ->
      } else if (const auto *Copy = dyn_cast<CXXConstructExpr>(E)) {
        // A copy, or a std::function made of one
        E = Copy->getNumArgs() == 1 ? Copy->getArg(0) : nullptr;
      } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
        // std::move(handler)
        const FunctionDecl *Callee = Call->getDirectCallee();
        E = Callee && FrameworkTables::wrapsCallable(*Callee) &&
                    Call->getNumArgs() > 0
                ? Call->getArg(0)
                : nullptr;
      } else if (const auto *Index = dyn_cast<ArraySubscriptExpr>(E)) {
        E = Index->getBase();
      } else if (const auto *Deref = dyn_cast<UnaryOperator>(E)) {
        E = Deref->getSubExpr();
      } else {
        return nullptr;
      }
    }
    return nullptr;
  }

  /// The table a name denotes: the variable, or for a local bound to an
  /// element of one (an iterator, a reference), that table.
  const ValueDecl *tableNamed(const DeclRefExpr &Ref, unsigned Depth) const {
    const auto *Var = dyn_cast<VarDecl>(Ref.getDecl());
    if (!Var)
      return nullptr;
    if (isa<ParmVarDecl>(Var))
      return isCallableTable(*Var) ? Var : nullptr;
    if (Var->isLocalVarDecl() && Var->hasInit())
      if (const ValueDecl *Table = tableOf(Var->getInit(), Depth + 1))
        return Table;
    return isCallableTable(*Var) ? Var : nullptr;
  }

  /// The route table that `table[...][...]` indexes, if \p LHS is one.
  const FieldDecl *routeTableOf(const Expr *LHS) const {
    while (LHS) {
      LHS = LHS->IgnoreImplicit()->IgnoreParens();
      if (const auto *Index = dyn_cast<CXXOperatorCallExpr>(LHS)) {
        if (Index->getOperator() != OO_Subscript || Index->getNumArgs() == 0)
          return nullptr;
        LHS = Index->getArg(0);
      } else if (const auto *Member = dyn_cast<MemberExpr>(LHS)) {
        const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
        return Field && Facts.Frameworks.isRouteTable(*Field) ? Field : nullptr;
      } else {
        return nullptr;
      }
    }
    return nullptr;
  }

  /// The functions a callable expression runs: lambdas, functions and member
  /// functions, also through std::bind-like wrappers, std::function,
  /// functor objects and local variables holding them.
  llvm::SmallVector<const FunctionDecl *, 2> callablesIn(const Expr *E) {
    llvm::SmallVector<const FunctionDecl *, 2> Result;
    collectCallables(E, Result, 0);
    return Result;
  }

  void collectCallables(const Expr *E,
                        llvm::SmallVectorImpl<const FunctionDecl *> &Out,
                        unsigned Depth) {
    if (!E || Depth > MaxCallableDepth)
      return;
    E = E->IgnoreImplicit()->IgnoreParens();
    // A function the unit only declares may be defined in another unit.
    auto Add = [&](const FunctionDecl *F) {
      if (const FunctionDecl *Definition = definitionOf(F))
        Out.push_back(Definition);
      else if (!Facts.isLibraryCode(*F))
        Out.push_back(F->getCanonicalDecl());
    };
    if (const auto *L = dyn_cast<LambdaExpr>(E)) {
      for (const FunctionDecl *Operator : callOperators(*L))
        Add(Operator);
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *F = dyn_cast<FunctionDecl>(Ref->getDecl()))
        Add(F);
      else if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        collectCallables(Var->getInit(), Out, Depth + 1);
    } else if (const auto *Op = dyn_cast<UnaryOperator>(E)) {
      collectCallables(Op->getSubExpr(), Out, Depth + 1);
    } else if (const auto *Init = dyn_cast<InitListExpr>(E)) {
      for (const Expr *Element : Init->inits())
        collectCallables(Element, Out, Depth + 1);
    } else if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(E)) {
      collectCallables(List->getSubExpr(), Out, Depth + 1);
    } else if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      collectCallables(Cast->getSubExpr(), Out, Depth + 1);
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      // A wrapper (std::function, a handler type) runs the callables it is
      // built from; an object built from none is a functor.
      const size_t Before = Out.size();
      for (const Expr *Arg : Construct->arguments())
        collectCallables(Arg, Out, Depth + 1);
      const CXXRecordDecl *Class = Construct->getConstructor()->getParent();
      if (Out.size() == Before && !Facts.isLibraryCode(*Class))
        addCallOperators(Class, Out);
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && FrameworkTables::wrapsCallable(*Callee))
        for (const Expr *Arg : Call->arguments())
          collectCallables(Arg, Out, Depth + 1);
    }
  }

  /// A functor object's operator()s.
  void addCallOperators(const CXXRecordDecl *Class,
                        llvm::SmallVectorImpl<const FunctionDecl *> &Out) {
    if (!Class || !Class->hasDefinition())
      return;
    for (const CXXMethodDecl *Method : Class->methods())
      if (Method->getOverloadedOperator() == OO_Call)
        if (const FunctionDecl *Definition = definitionOf(Method))
          Out.push_back(Definition);
  }

  CodeFacts &Facts;
  const SourceManager &SM;
  const bool OwnCode;
  std::vector<Owner> Owners;
  llvm::DenseSet<const LambdaExpr *> ImmediatelyInvoked;
  llvm::DenseSet<const Expr *> CalleeRefs;
  /// The constructor each factory instance calls, or null.
  llvm::DenseMap<const FunctionDecl *, const CXXConstructorDecl *>
      FactoryConstructors;
  unsigned InStaticInitialiser = 0;
};

CodeFacts::CodeFacts(ASTContext &Context, const FrameworkTables &Frameworks)
    : Context(Context), Frameworks(Frameworks) {
  const SourceManager &SM = Context.getSourceManager();
  FactCollector MainFile(*this, /*OwnCode=*/true);
  // clang-tidy scopes the traversal to the whole unit, clangd to the main
  // file's top-level declarations; either way only main-file code is walked.
  for (Decl *Scope : Context.getTraversalScope()) {
    if (const auto *TU = dyn_cast<TranslationUnitDecl>(Scope)) {
      for (Decl *D : TU->decls())
        if (isInMainFile(*D, SM))
          MainFile.TraverseDecl(D);
    } else {
      MainFile.TraverseDecl(Scope);
    }
  }
  // A class the main file implements may be declared in a header with
  // methods defined there that register handlers (a Drogon METHOD_LIST) or
  // are handlers themselves: they are this unit's code too.
  for (const FunctionDecl *F : Walked)
    if (const auto *Method = dyn_cast<CXXMethodDecl>(F))
      if (Method->isOutOfLine() && !Method->getParent()->isLambda())
        Implemented.insert(Method->getParent()->getCanonicalDecl());
  // So are the handler classes defined in a header that it creates (an
  // oatpp controller written whole in its header): no unit implements them.
  llvm::SmallSetVector<const CXXRecordDecl *, 8> OwnClasses(Implemented.begin(),
                                                           Implemented.end());
  for (const FunctionDecl *F : Walked)
    for (const Creation &Created : Facts[F]->Creates)
      if (Frameworks.isHandlerClass(*Created.Class))
        OwnClasses.insert(Created.Class->getCanonicalDecl());
  for (const CXXRecordDecl *Class : OwnClasses) {
    CXXRecordDecl *Definition = Class->getDefinition();
    if (Definition && !Definition->isDependentContext() &&
        !isInMainFile(*Definition, SM) && !isLibraryCode(*Definition))
      MainFile.TraverseDecl(Definition);
  }
  // Then what that code reaches outside it (functions defined in headers),
  // and the roots found there.
  auto Walk = [&](const FunctionDecl *F) {
    const FunctionDecl *Definition = definitionOf(F);
    if (!Definition || containsKey(Facts, Definition) ||
        isLibraryCode(*Definition))
      return;
    record(Definition);
    FactCollector(*this, /*OwnCode=*/false)
        .TraverseDecl(const_cast<FunctionDecl *>(Definition));
  };
  size_t Next = 0, Handlers = 0, Threads = 0;
  while (Next < Walked.size() || Handlers < HandlerRoots.size() ||
         Threads < ThreadRoots.size()) {
    for (; Handlers < HandlerRoots.size(); ++Handlers)
      Walk(HandlerRoots[Handlers].Function);
    for (; Threads < ThreadRoots.size(); ++Threads)
      Walk(ThreadRoots[Threads].Callee);
    for (; Next < Walked.size(); ++Next)
      for (const CallEdge &Edge : Facts[Walked[Next]]->Callees)
        Walk(Edge.Callee);
  }
}

CodeFacts::~CodeFacts() = default;

const CXXRecordDecl *CodeFacts::thisClassOf(const FunctionDecl *F) const {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(F);
  if (!Method || Method->isStatic())
    return nullptr;
  if (!Method->getParent()->isLambda())
    return Method->getParent();
  return LambdaThisClass.lookup(F);
}

bool CodeFacts::isLibraryCode(const Decl &D) const {
  const SourceManager &SM = Context.getSourceManager();
  return SM.isInSystemHeader(SM.getExpansionLoc(D.getLocation())) ||
         FrameworkTables::isFrameworkCode(D);
}

FunctionFacts &CodeFacts::record(const FunctionDecl *F) {
  std::unique_ptr<FunctionFacts> &Slot = Facts[F];
  if (!Slot) {
    Slot = std::make_unique<FunctionFacts>();
    Walked.push_back(F);
  }
  return *Slot;
}

const FunctionFacts *CodeFacts::factsOf(const FunctionDecl *F) const {
  auto It = Facts.find(definitionOf(F));
  return It == Facts.end() ? nullptr : It->second.get();
}

} // namespace stateless

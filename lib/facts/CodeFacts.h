//===--- CodeFacts.h - what the unit's code does, read off its AST ---------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// One walk over the unit's own code (its main file, and the classes it
// implements) records, per function (lambdas included): the functions it
// reaches (calls, constructions, lambdas it creates, functions it passes
// on), the objects it creates, the effects it has (local file writes,
// timers) and the references that may write state (variables with static
// storage, members of `this`, locals of enclosing functions). The same walk
// finds the roots: request handlers (registered with a framework, assigned
// into a route table, overriding a handler base class, annotated, named by
// an option), thread entries and start-up code. Then every function the
// unit defines outside its own code that this code reaches is walked too.
// Built once, then read-only: Summary.h turns it into the unit's facts.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_FACTS_CODEFACTS_H
#define STATELESS_FACTS_CODEFACTS_H

#include "Effects.h"
#include "Frameworks.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SetVector.h"
#include <memory>
#include <string>
#include <vector>

namespace stateless {

/// How one function reaches another: a call, a construction, a lambda it
/// creates or a function it passes on. Root is the code of the caller the
/// site is in (its body, or a constructor initialiser).
struct CallEdge {
  const clang::FunctionDecl *Callee = nullptr;
  const clang::Expr *Site = nullptr;
  const clang::Stmt *Root = nullptr;
};

struct EffectSite {
  KnownEffect What;
  const clang::Expr *Site = nullptr;
  /// The thread made in the same expression (`std::thread(job).detach()`):
  /// the object of the effect when What names none.
  const clang::CXXConstructExpr *Thread = nullptr;
};

/// A reference to a variable with static storage, and the statement the
/// mutation analysis of the reference runs over (the body it is in, or a
/// constructor initialiser).
struct GlobalReference {
  const clang::Expr *Ref = nullptr;
  const clang::VarDecl *Var = nullptr;
  const clang::Stmt *Root = nullptr;
};

/// A reference, in a lambda, to a local variable of a function around it.
/// Captured by reference all the way, it denotes the local itself; once
/// captured by copy, only what the copy points to is shared.
struct CapturedReference {
  const clang::DeclRefExpr *Ref = nullptr;
  const clang::VarDecl *Var = nullptr;
  const clang::Stmt *Root = nullptr;
  bool ByReference = false;
};

/// An object the function creates: a construction, or a factory such as
/// `std::make_shared<T>(args...)` (then the constructor the library code it
/// instantiates calls, and the arguments that constructor receives).
struct Creation {
  const clang::CXXRecordDecl *Class = nullptr;
  clang::QualType Type; ///< of the object created
  /// Null when the factory's code does not show it.
  const clang::CXXConstructorDecl *Constructor = nullptr;
  llvm::ArrayRef<const clang::Expr *> Args;
  /// The construction or the factory call.
  const clang::Expr *Site = nullptr;
};

/// A reference to a data member of the object `this` points to.
struct MemberReference {
  const clang::MemberExpr *Ref = nullptr;
  const clang::FieldDecl *Field = nullptr;
  const clang::Stmt *Root = nullptr;
};

/// A table of callables (isCallableTable): a call of one of them, or a
/// callable stored into it.
struct TableUse {
  const clang::ValueDecl *Table = nullptr;
  const clang::Expr *Site = nullptr;
};

/// A callable stored into a table, or (FromTable) the callables of another
/// table copied into it.
struct StoredCallableSite {
  TableUse Into;
  const clang::FunctionDecl *Function = nullptr;
  const clang::ValueDecl *FromTable = nullptr;
};

struct FunctionFacts {
  /// What it reaches, defined in the unit or (outside system headers)
  /// only declared: with a project index, another unit may define it.
  std::vector<CallEdge> Callees;
  std::vector<EffectSite> Effects;
  std::vector<GlobalReference> GlobalRefs;
  std::vector<CapturedReference> CapturedRefs;
  std::vector<MemberReference> MemberRefs;
  /// The objects the function creates.
  std::vector<Creation> Creates;
  /// The non-const methods it calls on its own object (`this`).
  std::vector<const clang::CXXMethodDecl *> CallsOnThis;
  /// The tables whose stored callables it calls.
  std::vector<TableUse> CallsStored;
  /// Its own code (not its lambdas) sleeps in a loop that runs until
  /// stopped: run by a thread, a scheduled job.
  bool LoopsWithSleep = false;
  /// Its own code closes or cancels a connection or stream.
  bool ClosesConnection = false;
  /// Its own code runs a server (FrameworkTables::runsServer).
  bool RunsServer = false;
};

/// The arguments of the call or construction \p Site, in the order of
/// \p Callee's parameters (a member operator's object is left out).
llvm::ArrayRef<const clang::Expr *>
parameterArguments(const clang::Expr &Site, const clang::FunctionDecl &Callee);

/// A function that serves requests, and why.
struct HandlerRoot {
  const clang::FunctionDecl *Function = nullptr;
  HandlerReason Why = HandlerReason::Registered;
  /// The registration or assignment (Registered, RouteTable).
  const clang::Stmt *Site = nullptr;
  /// The registrar, route table or base class ("httplib::Server::Post").
  std::string Via;
  /// The route it serves, where the registration or the base class names
  /// one ("POST /login"; FrameworkTables::routeOf).
  std::string Route;
  /// Registered: a table of callables whose callables are the handlers, in
  /// place of Function (a wrapper handing its parameter to the registrar).
  const clang::ValueDecl *Table = nullptr;
};

class CodeFacts {
public:
  /// Walks the unit's code and everything it reaches.
  CodeFacts(clang::ASTContext &Context, const FrameworkTables &Frameworks);
  ~CodeFacts();
  CodeFacts(const CodeFacts &) = delete;
  CodeFacts &operator=(const CodeFacts &) = delete;

  /// Facts of the definition of \p F; null for functions without a body
  /// in the unit or in library code, which are not followed.
  const FunctionFacts *factsOf(const clang::FunctionDecl *F) const;

  /// Every function walked (the unit's own code, then what it reaches), in
  /// the order they were walked.
  const std::vector<const clang::FunctionDecl *> &functions() const {
    return Walked;
  }
  const std::vector<HandlerRoot> &handlerRoots() const { return HandlerRoots; }
  /// Entries of threads started anywhere in the code walked.
  const std::vector<CallEdge> &threadRoots() const { return ThreadRoots; }
  /// Callables stored into containers of callables, anywhere in the code
  /// walked (static initialisers included).
  const std::vector<StoredCallableSite> &storedCallables() const {
    return StoredCallables;
  }
  /// main(), constructor functions, and what static initialisers run.
  const std::vector<const clang::FunctionDecl *> &startUpRoots() const {
    return StartUpRoots;
  }
  /// The class `this` points to in \p F: a method's class, or for a lambda
  /// that captures `this`, the class of the method it is written in.
  const clang::CXXRecordDecl *thisClassOf(const clang::FunctionDecl *F) const;

  /// Main-file variables with static storage that carry an annotation.
  const std::vector<const clang::VarDecl *> &annotatedVariables() const {
    return AnnotatedVariables;
  }
  /// Whether the main file defines a method of \p Class out of line.
  bool implementsClass(const clang::CXXRecordDecl *Class) const {
    // SetVector::contains is LLVM 17 and later.
    return Implemented.count( // NOLINT(readability-container-contains)
        Class->getCanonicalDecl());
  }
  /// Classes whose definitions the main file holds.
  const std::vector<const clang::CXXRecordDecl *> &definedClasses() const {
    return DefinedClasses;
  }
  /// Variables with static storage whose definitions the main file holds.
  const std::vector<const clang::VarDecl *> &definedVariables() const {
    return DefinedVariables;
  }

  clang::ASTContext &context() const { return Context; }
  const FrameworkTables &frameworks() const { return Frameworks; }

  /// Declared in a system header or in a framework's own namespace: library
  /// code, not followed, whose state is not the service's.
  bool isLibraryCode(const clang::Decl &D) const;

private:
  friend class FactCollector;
  FunctionFacts &record(const clang::FunctionDecl *F);

  clang::ASTContext &Context;
  const FrameworkTables &Frameworks;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionFacts>> Facts;
  std::vector<const clang::FunctionDecl *> Walked;
  std::vector<HandlerRoot> HandlerRoots;
  std::vector<CallEdge> ThreadRoots;
  std::vector<StoredCallableSite> StoredCallables;
  std::vector<const clang::FunctionDecl *> StartUpRoots;
  std::vector<const clang::VarDecl *> AnnotatedVariables;
  std::vector<const clang::VarDecl *> DefinedVariables;
  std::vector<const clang::CXXRecordDecl *> DefinedClasses;
  llvm::SmallSetVector<const clang::CXXRecordDecl *, 8> Implemented;
  llvm::DenseMap<const clang::FunctionDecl *, const clang::CXXRecordDecl *>
      LambdaThisClass;
};

/// The definition of \p F that facts are keyed by, or null.
const clang::FunctionDecl *definitionOf(const clang::FunctionDecl *F);

/// True for the call operator of a lambda.
bool isLambdaOperator(const clang::Decl *D);

/// How notes and the facts name a function: its qualified name, empty for
/// a lambda.
std::string functionName(const clang::FunctionDecl &F);

} // namespace stateless

#endif

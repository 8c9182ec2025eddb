//===--- HandlerModel.h - which code serves requests, and by which path ----===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Reachability over the program's call graph (ProgramView) from its roots:
// request handlers, thread entries and start-up code. A call reaches the
// function's definition wherever it is, and a call of a virtual method
// every override of it in the program. Every search walks this one graph.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_ANALYSIS_HANDLERMODEL_H
#define STATELESS_ANALYSIS_HANDLERMODEL_H

#include "ProgramView.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace stateless {

/// One call on a path: the function reached and the call that reaches it.
struct PathStep {
  FunctionRef Callee = nullptr;
  const index::Call *Site = nullptr;
  /// The call names a virtual method that Callee overrides.
  bool Dispatched = false;
};

/// How a handler reaches a function: the root, then each call on the way.
struct HandlerPath {
  const index::Root *Root = nullptr;
  std::vector<PathStep> Calls;
};

/// One note of a diagnostic.
struct Note {
  FileLocation At;
  std::string Message;
};

class HandlerModel {
public:
  explicit HandlerModel(const ProgramView &View);

  const ProgramView &view() const { return View; }

  /// The shortest path from a handler to \p F, if a handler reaches it.
  std::optional<HandlerPath> pathTo(FunctionRef F) const;

  /// For each handler that reaches one of \p Targets, its shortest path to
  /// the nearest of them, in the order of the roots. Explores from each
  /// handler on its own, on the first call only.
  std::vector<HandlerPath>
  pathsFromEachHandler(llvm::ArrayRef<FunctionRef> Targets) const;

  /// Whether the program has request handlers: a service, not a tool.
  bool servesRequests() const { return !HandlerRoots.empty(); }

  /// Every function a handler reaches, nearest first.
  const std::vector<FunctionRef> &handlerCode() const { return HandlerCode; }

  /// True for code that runs only while the process starts: reached from
  /// main() or static initialisation, and from no handler and no thread.
  bool isStartUpOnly(FunctionRef F) const;

  /// Whether \p F may run while the service serves requests: it is not
  /// start-up code only and, when the view is the whole program of a
  /// service (its main() and handlers), a handler or a thread reaches it:
  /// code that nothing calls, registers, starts or takes the address of
  /// never runs. Without the whole program, or in a library or a program
  /// with no known handlers, any code but start-up code may run.
  bool runsAfterStartUp(FunctionRef F) const;

  /// Whether objects of the class \p USR live for one request or
  /// connection: the framework makes one per request (a gRPC reactor, a
  /// Poco request handler), or request code makes them (a session an
  /// accept or upgrade handler makes, whose methods then serve as
  /// completion handlers) and start-up code makes none.
  bool isPerRequestClass(llvm::StringRef USR) const;

  /// The notes that explain \p Path: where the handler comes from, then
  /// each call down to the code the diagnostic is about.
  std::vector<Note> describe(const HandlerPath &Path) const;

private:
  struct Step {
    FunctionRef From = nullptr; // null at a root
    const index::Call *Site = nullptr;
    size_t Root = 0; // into HandlerRoots, at a root
    bool Dispatched = false;
  };
  using Reach = llvm::DenseMap<FunctionRef, Step>;
  struct Seed {
    FunctionRef Function;
    size_t Root;
  };

  /// Whether the code a thread starting at \p Entry runs reaches a server's
  /// run.
  bool runsServer(FunctionRef Entry) const;
  /// The function \p USR of handler root \p Root, and its overrides.
  std::vector<Seed> seedsOf(size_t Root, llvm::StringRef USR) const;
  /// Breadth-first reach from \p Seeds; the map says how each was reached.
  void explore(Reach &Reached, std::vector<FunctionRef> *Order,
               llvm::ArrayRef<Seed> Seeds) const;
  /// The path \p Reached records to \p F, if it reaches it.
  std::optional<HandlerPath> pathIn(const Reach &Reached, FunctionRef F) const;
  /// The methods that override the method \p USR, directly or not: a call
  /// of it may run any.
  llvm::ArrayRef<FunctionRef> overridesOf(llvm::StringRef USR) const;

  const ProgramView &View;
  std::vector<const index::Root *> HandlerRoots;
  Reach FromHandlers;
  Reach FromThreads;
  Reach FromStartUp;
  std::vector<FunctionRef> HandlerCode;
  /// The view is the whole program of a service, with its main().
  bool WholeProgram = false;
  /// Classes whose objects request code creates, and those start-up code
  /// creates.
  llvm::StringSet<> MadeByRequests;
  llvm::StringSet<> MadeAtStartUp;
  /// overridesOf()'s answers, by method.
  mutable llvm::StringMap<llvm::SmallVector<FunctionRef, 2>> Overrides;
  /// What each handler root reaches on its own; built on first use.
  mutable std::vector<Reach> FromEachHandler;
};

/// How notes name a function: 'ns::save', 'Greeter::SayHello', "a lambda".
std::string describeFunction(const index::Function &F);

} // namespace stateless

#endif

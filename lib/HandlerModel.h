//===--- HandlerModel.h - which code serves requests, and by which path ----===//
//
// Reachability over the functions defined in the translation unit, from the
// roots CodeFacts finds: request handlers, thread entries and start-up code.
// The call graph is built lazily from the roots, so its cost follows the code
// the roots reach, not the size of the included headers. With a project
// index, the graph goes on into the other units: their roots count, calls
// to functions defined elsewhere are followed there, and calls from there
// back into this unit land on its live code.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_HANDLERMODEL_H
#define STATELESS_LIB_HANDLERMODEL_H

#include "CodeFacts.h"
#include "IndexData.h"
#include "ProjectIndex.h"
#include "UnitSummary.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/PointerUnion.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace stateless {

/// With a project index: the other units' facts, and the USRs that join
/// this unit's declarations to them.
struct Project {
  Project(ProjectView View, const clang::SourceManager &SM)
      : View(std::move(View)), Usrs(SM) {}
  ProjectView View;
  /// Named on demand, from const analyses too.
  mutable UsrCache Usrs;
};

/// A function of the project: one this unit defines, or (with a project
/// index) one known from another unit.
using FunctionNode =
    llvm::PointerUnion<const clang::FunctionDecl *, const index::Function *>;

/// A handler root found in this unit or in another.
using RootRef = llvm::PointerUnion<const HandlerRoot *, const index::Root *>;

/// One call on a path: the function reached, and the call, in this unit
/// (Edge, whose callee is the function as this unit declares it) or in
/// another (RemoteSite).
struct PathStep {
  FunctionNode Callee;
  CallEdge Edge;
  const index::Call *RemoteSite = nullptr;
  /// The call names a virtual method that Callee overrides.
  bool Dispatched = false;
};

/// How a handler reaches a function: the root, then each call on the way.
struct HandlerPath {
  RootRef Root;
  std::vector<PathStep> Calls;
};

/// One note of a diagnostic, as plain data: at a location of this unit, or
/// at a place in another file of the project (when Loc is invalid).
struct Note {
  clang::SourceLocation Loc;
  FileLocation Elsewhere;
  std::string Message;
};

class HandlerModel {
public:
  /// \p Remote, when given, joins the other units of the project.
  HandlerModel(CodeFacts &Facts, Project *Remote = nullptr);

  /// The shortest path from a handler to \p F, if a handler reaches it.
  std::optional<HandlerPath> pathTo(FunctionNode F) const;

  /// For each handler that reaches one of \p Targets, its shortest path to
  /// the nearest of them, in the order the handlers were found. Explores
  /// from each handler on its own, on the first call only.
  std::vector<HandlerPath>
  pathsFromEachHandler(llvm::ArrayRef<FunctionNode> Targets) const;

  /// Every function a handler reaches, nearest first.
  const std::vector<FunctionNode> &handlerCode() const { return HandlerCode; }

  /// True for code that runs only while the process starts: reached from
  /// main() or static initialisation, and from no handler and no thread.
  bool isStartUpOnly(FunctionNode F) const;

  /// Whether objects of \p Class live for one request or connection: the
  /// framework makes one per request (a gRPC reactor, a Poco request
  /// handler), or request code makes them (a session an accept or upgrade
  /// handler makes, whose methods then serve as completion handlers).
  bool isPerRequestClass(const clang::CXXRecordDecl &Class) const;
  /// The same for a class of the project known by its USR: request code of
  /// another unit makes its objects.
  bool isPerRequestClass(llvm::StringRef USR) const;

  /// The notes that explain \p Path: where the handler comes from, then
  /// each call down to the code the diagnostic is about.
  std::vector<Note> describe(const HandlerPath &Path) const;

  /// The node of the function \p USR: this unit's definition when it has
  /// one, else another unit's; null when none is known.
  FunctionNode resolve(llvm::StringRef USR) const;

private:
  struct Step {
    FunctionNode From; // null at a root
    CallEdge Edge;
    const index::Call *RemoteSite = nullptr;
    size_t Root = 0; // into HandlerRoots, at a root
    bool Dispatched = false;
  };
  using Reach = llvm::DenseMap<FunctionNode, Step>;
  struct Seed {
    FunctionNode Function;
    size_t Root;
  };
  /// A handler root: Position into this unit's roots or the index's.
  struct RootId {
    bool Remote;
    size_t Position;
  };

  /// Breadth-first reach from \p Seeds; the map says how each was reached.
  void explore(Reach &Reached, std::vector<FunctionNode> *Order,
               llvm::ArrayRef<Seed> Seeds) const;
  /// The path \p Reached records to \p F, if it reaches it.
  std::optional<HandlerPath> pathIn(const Reach &Reached, FunctionNode F) const;
  /// The node a function of this unit stands for: its definition, or
  /// another unit's when this one only declares it.
  FunctionNode nodeOf(const clang::FunctionDecl *F) const;
  /// With a project index: the methods, in this unit or another, that
  /// override the method \p USR, directly or not; a call of it may run any.
  llvm::SmallVector<FunctionNode, 2> overridesOf(llvm::StringRef USR) const;
  /// Names by USR this unit's functions walked since the last time.
  void nameLiveFunctions() const;
  RootRef root(size_t Id) const;

  CodeFacts &Facts;
  Project *Remote;
  /// This unit's functions by USR, named as they are walked.
  mutable llvm::StringMap<const clang::FunctionDecl *> LiveByUsr;
  mutable llvm::StringMap<llvm::SmallVector<const clang::FunctionDecl *, 1>>
      LiveOverriders;
  mutable size_t LiveNamed = 0;
  std::vector<RootId> HandlerRoots;
  Reach FromHandlers;
  Reach FromThreads;
  Reach FromStartUp;
  std::vector<FunctionNode> HandlerCode;
  /// Classes whose objects request code creates, and (with a project index)
  /// their USRs.
  llvm::SmallPtrSet<const clang::CXXRecordDecl *, 8> MadeByRequests;
  llvm::StringSet<> MadeByRequestsUsrs;
  /// What each handler root reaches on its own; built on first use.
  mutable std::vector<Reach> FromEachHandler;
};

/// How a function is named in notes: 'ns::save', 'Greeter::SayHello',
/// "a lambda".
std::string describeFunction(const clang::FunctionDecl &F);
std::string describeFunction(FunctionNode F);

/// How the index records a call: its kind and how notes name the callee.
index::CallKind callKind(const CallEdge &Edge);
std::string calleeName(const CallEdge &Edge);

} // namespace stateless

#endif

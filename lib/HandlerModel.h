//===--- HandlerModel.h - which code serves requests, and by which path ----===//
//
// Reachability over the functions defined in the translation unit, from the
// roots CodeFacts finds: request handlers, thread entries and start-up code.
// The call graph is built lazily from the roots, so its cost follows the code
// the roots reach, not the size of the included headers.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_HANDLERMODEL_H
#define STATELESS_LIB_HANDLERMODEL_H

#include "CodeFacts.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>
#include <vector>

namespace stateless {

/// How a handler reaches a function: the root, then each call on the way.
struct HandlerPath {
  const HandlerRoot *Root = nullptr;
  std::vector<CallEdge> Calls;
};

/// One note of a diagnostic, as plain data.
struct Note {
  clang::SourceLocation Loc;
  std::string Message;
};

class HandlerModel {
public:
  explicit HandlerModel(CodeFacts &Facts);

  /// The shortest path from a handler to \p F, if a handler reaches it.
  std::optional<HandlerPath> pathTo(const clang::FunctionDecl *F) const;

  /// Every function a handler reaches, nearest first.
  const std::vector<const clang::FunctionDecl *> &handlerCode() const {
    return HandlerCode;
  }

  /// True for code that runs only while the process starts: reached from
  /// main() or static initialisation, and from no handler and no thread.
  bool isStartUpOnly(const clang::FunctionDecl *F) const;

  /// The notes that explain \p Path: where the handler comes from, then
  /// each call down to the code the diagnostic is about.
  std::vector<Note> describe(const HandlerPath &Path) const;

private:
  struct Step {
    const clang::FunctionDecl *From = nullptr; // null at a root
    const clang::Expr *Site = nullptr;
    size_t Root = 0; // index into the roots, at a root
  };
  /// Breadth-first reach from \p Roots; the map says how each was reached.
  void explore(llvm::DenseMap<const clang::FunctionDecl *, Step> &Reached,
               std::vector<const clang::FunctionDecl *> *Order,
               size_t &NextRoot,
               llvm::function_ref<const clang::FunctionDecl *(size_t)> Root,
               llvm::function_ref<size_t()> RootCount);

  CodeFacts &Facts;
  llvm::DenseMap<const clang::FunctionDecl *, Step> FromHandlers;
  llvm::DenseMap<const clang::FunctionDecl *, Step> FromThreads;
  llvm::DenseMap<const clang::FunctionDecl *, Step> FromStartUp;
  std::vector<const clang::FunctionDecl *> HandlerCode;
};

/// How a function is named in notes: 'ns::save', 'Greeter::SayHello',
/// "a lambda".
std::string describeFunction(const clang::FunctionDecl &F);

} // namespace stateless

#endif

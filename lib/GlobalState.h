//===--- GlobalState.h - variables with static storage and their writes ----===//
//
// Facts the declaration checks report from: every variable with static or
// thread storage duration that the unit's code writes outside start-up code,
// every local of start-up code that request code shares and writes, and
// every main-file one that carries an allow-annotation. With a project
// index, also the main file's variables that only other units write, each
// with their writes, and only the variables this unit reports for the
// project (see ProjectView).
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_GLOBALSTATE_H
#define STATELESS_LIB_GLOBALSTATE_H

#include "Annotations.h"
#include "CodeFacts.h"
#include "HandlerModel.h"
#include "WriteFinder.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <vector>

namespace stateless {

/// A statement that modifies a variable, and the function (or lambda call
/// operator) whose code it is: in this unit (Site), or with a project index,
/// in another (Elsewhere).
struct Write {
  const clang::Stmt *Site = nullptr;
  FunctionNode Function;
  FileLocation Elsewhere;
};

struct GlobalVariable {
  /// SharedLocal: a local of start-up code that request code shares;
  /// SharedObject: an object start-up code makes inline and hands to request
  /// code (see SharedObjects.h).
  enum class Scope {
    Namespace,
    StaticMember,
    StaticLocal,
    SharedLocal,
    SharedObject
  };

  /// The declaration diagnostics name: the main-file definition when there
  /// is one, otherwise the first declaration. Null for a SharedObject.
  const clang::VarDecl *Decl = nullptr;
  /// SharedObject: where it is made.
  const Creation *Made = nullptr;
  /// SharedLocal and SharedObject: the start-up function that shares it.
  const clang::FunctionDecl *SharedBy = nullptr;
  /// Decl or Made is written in the main file.
  bool DefinedInMainFile = false;
  Scope Kind = Scope::Namespace;
  bool ThreadLocal = false;
  /// A map or set (the session-map check), as opposed to any other type.
  bool Keyed = false;
  /// False for the types that never hold state on their own: const objects,
  /// synchronisation primitives, random generators, service infrastructure.
  bool CanHoldState = false;
  std::optional<AllowAnnotation> Allow;
  /// The writes outside start-up code: this unit's in source order, then
  /// the other units'.
  std::vector<Write> Writes;

  /// Where diagnostics point: the declaration, or where it is made.
  clang::SourceLocation location() const;
  /// The type of the variable or of the object made.
  clang::QualType type() const;
};

/// Appends those of \p Found, the writes other units of the project make
/// (ProjectView::writesTo, writesThrough), that are in functions that are
/// not start-up code and that \p Counts accepts, ordered by place.
void addRemoteWrites(std::vector<Write> &Writes,
                     llvm::ArrayRef<IndexedWrite> Found,
                     const HandlerModel &Handlers,
                     llvm::function_ref<bool(const index::Function &)> Counts);

class GlobalStateAnalysis {
public:
  /// With \p Remote, the variables another unit reports are left out and
  /// the other units' writes are added.
  GlobalStateAnalysis(CodeFacts &Facts, const HandlerModel &Handlers,
                      WriteFinders &Finders, const Project *Remote);

  /// In source order of their declarations.
  const std::vector<GlobalVariable> &variables() const { return Variables; }

private:
  std::vector<GlobalVariable> Variables;
};

} // namespace stateless

#endif

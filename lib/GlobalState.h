//===--- GlobalState.h - variables with static storage and their writes ----===//
//
// Facts the declaration checks report from: every variable with static or
// thread storage duration that main-file code writes after start-up, and every
// main-file one that carries an allow-annotation. Computed once per
// translation unit and shared by the checks that need it.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_GLOBALSTATE_H
#define STATELESS_LIB_GLOBALSTATE_H

#include "Annotations.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include <memory>
#include <optional>
#include <vector>

namespace stateless {

/// A statement that modifies a variable, and the function (or lambda call
/// operator) whose code it is.
struct Write {
  const clang::Stmt *Site = nullptr;
  const clang::FunctionDecl *Function = nullptr;
};

struct GlobalVariable {
  enum class Scope { Namespace, StaticMember, StaticLocal };

  /// The declaration diagnostics name: the main-file definition when there
  /// is one, otherwise the first declaration.
  const clang::VarDecl *Decl = nullptr;
  /// Decl is a definition written in the main file.
  bool DefinedInMainFile = false;
  Scope Kind = Scope::Namespace;
  bool ThreadLocal = false;
  /// A map or set (the session-map check), as opposed to any other type.
  bool Keyed = false;
  /// False for the types that never hold state on their own: const objects,
  /// synchronisation primitives, random generators.
  bool CanHoldState = false;
  std::optional<AllowAnnotation> Allow;
  /// The first write, in source order, outside start-up code.
  std::optional<Write> FirstWrite;
};

class GlobalStateAnalysis {
public:
  /// The analysis of the translation unit \p Context belongs to, computed on
  /// first use. Callers keep the pointer until the end of the translation
  /// unit so that every check of the unit shares one analysis.
  static std::shared_ptr<const GlobalStateAnalysis>
  forTranslationUnit(clang::ASTContext &Context);

  explicit GlobalStateAnalysis(clang::ASTContext &Context);

  /// In source order of their declarations.
  const std::vector<GlobalVariable> &variables() const { return Variables; }

private:
  std::vector<GlobalVariable> Variables;
};

} // namespace stateless

#endif

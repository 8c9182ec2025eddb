//===--- State.h - pieces of state and the writes that change them ---------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// What the declaration checks and stateless-handler-member-state report
// from, computed over the program (ProgramView) for the pieces of state the
// live unit reports: variables with static or thread storage that code
// writes outside start-up, objects of start-up code that request code
// shares and writes (SharedObjects.h), and the data members of long-lived
// handler objects that request code writes.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_ANALYSIS_STATE_H
#define STATELESS_ANALYSIS_STATE_H

#include "HandlerModel.h"

#include <optional>
#include <string>
#include <vector>

namespace stateless {

/// A statement that modifies a piece of state, and the function (or lambda
/// call operator) whose code it is.
struct Write {
  FunctionRef In = nullptr;
  FileLocation Site;
};

/// A piece of state held in a variable or an object of start-up code.
struct GlobalState {
  VariableScope Scope = VariableScope::Namespace;
  bool ThreadLocal = false;
  /// A map or set (the session-map check), as opposed to any other type.
  bool Keyed = false;
  /// False for the types that never hold state on their own.
  bool CanHoldState = false;
  /// How diagnostics name it: a local by its name, a variable with its
  /// scopes, an object made inline by its type.
  std::string DisplayName;
  /// The names the AllowedNames option matches (none for an object made
  /// inline) and the spellings of its type AllowedTypes matches.
  std::vector<std::string> Names;
  std::vector<std::string> TypeNames;
  /// Its type as declared, or the type of the object made.
  std::string TypeName;
  /// USRs of the classes whose objects it holds.
  std::vector<std::string> Holds;
  /// Its declaration (the definition when the live unit's main file holds
  /// it), or where an object made inline is made.
  FileLocation Loc;
  bool DefinedInMainFile = false;
  bool MadeInline = false;
  std::optional<index::Allow> Allowed;
  /// For what start-up code shares: the function that shares it.
  std::string SharedBy;
  /// The writes outside start-up code: the live unit's in source order,
  /// then the other units' by place.
  std::vector<Write> Writes;
};

/// A data member of a long-lived handler object.
struct MemberState {
  const index::Field *Field = nullptr;
  /// The handler class whose objects hold it (the field may be inherited).
  std::string Handler;
  /// The writes outside start-up code and the object's constructors and
  /// destructor: the live unit's in source order, then the other units'.
  std::vector<Write> Writes;
};

/// The variables and shared objects the live unit reports, in the order of
/// their declarations.
std::vector<GlobalState> findGlobalState(const HandlerModel &Handlers);

/// The members of long-lived handler objects the live unit reports, in the
/// order of their declarations. Members of objects that a piece of state
/// of \p Globals holds (a singleton, the values of a session map) belong to
/// that finding and are left out.
std::vector<MemberState>
findMemberState(const HandlerModel &Handlers,
                const std::vector<GlobalState> &Globals);

/// Sorts \p Writes as findings show them (the live unit's in source order,
/// then the others by place) and drops repeated sites.
void orderWrites(std::vector<Write> &Writes, const ProgramView &View);

} // namespace stateless

#endif

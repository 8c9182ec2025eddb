//===--- Findings.h - what each check reports, as data ---------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The findings of each stateless-* check for the live unit, worked out from
// the program's facts: where each goes, what its message and notes say, and
// for tools (the state inventory) what it is about: the state, its
// declaration, its writes, the handlers that reach them and the annotation
// that accepts it. The checks place them in the unit's AST; nothing here
// knows of clang-tidy or of the AST.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_ANALYSIS_FINDINGS_H
#define STATELESS_ANALYSIS_FINDINGS_H

#include "HandlerModel.h"
#include "RegexList.h"
#include "State.h"

#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace stateless {

/// The stateless-* checks.
enum class Check {
  MutableGlobal,
  StaticSessionMap,
  HandlerMemberState,
  LocalFsWrite,
  InstanceTimer,
};

/// The name clang-tidy knows \p C by: "stateless-mutable-global".
inline constexpr Check AllChecks[] = {
    Check::MutableGlobal, Check::StaticSessionMap, Check::HandlerMemberState,
    Check::LocalFsWrite, Check::InstanceTimer};

llvm::StringRef checkName(Check C);

/// What a check's options change in what it reports.
struct ReportOptions {
  /// Report from all code but start-up code, not only what handlers reach.
  bool AllCode = false;
  /// Report state that STATELESS_ALLOW accepts, with a note that says so.
  bool ReportAllowed = false;
  /// A note for every other handler that reaches the state.
  bool ReportAllHandlers = false;
  RegexList AllowedTypes;
  RegexList AllowedNames;
};

/// A function: its qualified name (empty for a lambda) and where it is.
struct FunctionInfo {
  std::string Name;
  FileLocation At;
};

/// A write to the state, or the call with the effect, and its function.
struct WriteInfo {
  FileLocation At;
  FunctionInfo Function;
};

/// A handler that reaches the state: how it is named (its route, its
/// function), why it is one, where
/// it is registered, and the functions called on its way.
struct HandlerInfo {
  std::string Name;  ///< empty for a lambda
  std::string Route; ///< "POST /login", where the registration names one
  HandlerReason Why = HandlerReason::Registered;
  std::string Via;
  FileLocation At; ///< the registration, or the function
  FunctionInfo Function;
  std::vector<FunctionInfo> Calls;
};

struct Finding {
  Check From = Check::MutableGlobal;
  /// What the state inventory calls it: "session map", "mutable global",
  /// "shared object", "handler member", "local file", "timer",
  /// "scheduled job", "session store"; "annotation" for a malformed
  /// STATELESS_ALLOW.
  std::string Kind;
  FileLocation At;
  std::string Message;
  std::vector<Note> Notes;
  /// The state: a variable or member as diagnostics name it, an object's
  /// type, or the library call.
  std::string Name;
  /// Its type as declared (a variable, a member, an object made inline).
  std::string Type;
  /// For an object of start-up code that request code shares: the
  /// function that shares it.
  std::string SharedBy;
  /// For a local file or a job: the function the call is in, whether only
  /// start-up code runs it, what the job runs, and the file it writes as
  /// the call spells it.
  std::optional<FunctionInfo> In;
  bool AtStartUp = false;
  std::vector<FunctionInfo> Runs;
  std::string Target;
  /// Where the state is declared or made, or the call is.
  FileLocation Declared;
  std::vector<WriteInfo> Writes;
  std::vector<HandlerInfo> Handlers;
  std::optional<index::Allow> Allowed;
};

/// Writes \p Found, the findings of the unit \p MainFile, as JSON: what
/// tools read instead of the diagnostics' wording (docs/findings.md).
void writeFindingsJson(llvm::StringRef MainFile,
                       llvm::ArrayRef<Finding> Found, llvm::raw_ostream &OS);

/// The findings of check \p C with options \p Options, from the state and
/// effects that \p Handlers' live unit reports (\p Globals and \p Members
/// are computed once for every check).
std::vector<Finding> findingsOf(Check C, const ReportOptions &Options,
                                const HandlerModel &Handlers,
                                const std::vector<GlobalState> &Globals,
                                const std::vector<MemberState> &Members);

} // namespace stateless

#endif

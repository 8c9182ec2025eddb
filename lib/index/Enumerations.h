//===--- Enumerations.h - the enumerations of the facts --------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Every enumeration the facts use is declared from one list, so that its
// bound (which the index reader checks) and its names (which the dump
// prints) follow it: a new enumerator cannot be forgotten in either.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_INDEX_ENUMERATIONS_H
#define STATELESS_INDEX_ENUMERATIONS_H

#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <cstdint>
#include <iterator>

namespace stateless {

/// What is known of an enumeration: its enumerators' names, in order.
template <typename E> struct Enumeration;

#define STATELESS_ENUMERATOR(Name, Text) Name,
#define STATELESS_ENUMERATOR_NAME(Name, Text) Text,
#define STATELESS_DECLARE_ENUMERATION(Type, List)                              \
  enum class Type : uint8_t { List(STATELESS_ENUMERATOR) };                    \
  template <> struct Enumeration<Type> {                                       \
    static constexpr llvm::StringLiteral Names[] = {                           \
        List(STATELESS_ENUMERATOR_NAME)};                                      \
    static constexpr size_t Count = std::size(Names);                          \
  };

/// How one function reaches another: the kind decides the note.
#define STATELESS_CALL_KINDS(X)                                                \
  X(Call, "call")                                                              \
  X(Construct, "construct")                                                    \
  X(Lambda, "lambda")                                                          \
  X(PassedOn, "passed-on")                                                     \
  /* Calls the callables stored in a container (a route table of its own): */ \
  /* the callee is the container's variable or member.                     */ \
  X(Stored, "stored")
STATELESS_DECLARE_ENUMERATION(CallKind, STATELESS_CALL_KINDS)

/// Where code starts running: a request handler, a thread's entry, or
/// start-up code (main(), static initialisation, framework start hooks).
#define STATELESS_ROOT_KINDS(X)                                                \
  X(Handler, "handler")                                                        \
  X(Thread, "thread")                                                          \
  X(StartUp, "start-up")
STATELESS_DECLARE_ENUMERATION(RootKind, STATELESS_ROOT_KINDS)

/// Why a function serves requests.
#define STATELESS_HANDLER_REASONS(X)                                           \
  X(Registered, "registered")                                                  \
  X(RouteTable, "route-table")                                                 \
  X(Override, "override")                                                      \
  X(Annotated, "annotated")                                                    \
  X(Option, "option")                                                          \
  /* Called by a loop that waits for requests (accept, a completion queue) */ \
  X(RequestLoop, "request-loop")
STATELESS_DECLARE_ENUMERATION(HandlerReason, STATELESS_HANDLER_REASONS)

/// What a call or construction does that outlives the request.
#define STATELESS_EFFECT_KINDS(X)                                              \
  X(FileWrite, "file-write")                                                   \
  X(Timer, "timer")                                                            \
  /* Configures a session store that keeps the sessions in this instance   */ \
  /* (Drogon's enableSession, Crow's SessionMiddleware<InMemoryStore>).    */ \
  X(SessionStore, "session-store")                                             \
  /* Writes a local store through a handle opened elsewhere: a database   */ \
  /* (an INSERT by sqlite3_exec), a file stream a member keeps open.       */ \
  X(DatabaseWrite, "database-write")
STATELESS_DECLARE_ENUMERATION(EffectKind, STATELESS_EFFECT_KINDS)

/// Whether a timer armed or a thread started recurs for as long as the
/// instance runs (a scheduled job), as far as the call itself tells:
/// once (a delayed job, a detached thread); repeats (`runEvery`, a QTimer);
/// if its completion handler arms it again; if its thread loops with a
/// sleep (no finding otherwise, or a background thread otherwise); or it
/// makes the timer object single-shot (no finding). A sleep in a loop that
/// runs until stopped is a job when start-up code runs the loop itself.
#define STATELESS_RECURRENCES(X)                                               \
  X(Once, "once")                                                              \
  X(Repeats, "repeats")                                                        \
  X(IfRearmed, "if-rearmed")                                                   \
  X(IfLoops, "if-loops")                                                       \
  X(IfLoopsElseOnce, "if-loops-else-once")                                     \
  X(MakesSingleShot, "makes-single-shot")                                      \
  X(SleepsInLoop, "sleeps-in-loop")
STATELESS_DECLARE_ENUMERATION(Recurrence, STATELESS_RECURRENCES)

/// Where a piece of state held in a variable lives: a variable with static
/// or thread storage, or an object of start-up code that request code
/// shares (a local, or one made inline in a constructor's arguments).
#define STATELESS_VARIABLE_SCOPES(X)                                           \
  X(Namespace, "namespace")                                                    \
  X(StaticMember, "static-member")                                             \
  X(StaticLocal, "static-local")                                               \
  X(SharedLocal, "shared-local")                                               \
  X(SharedObject, "shared-object")
STATELESS_DECLARE_ENUMERATION(VariableScope, STATELESS_VARIABLE_SCOPES)

/// What is wrong with a STATELESS_ALLOW, if anything.
#define STATELESS_ALLOW_PROBLEMS(X)                                            \
  X(None, "none")                                                              \
  X(UnknownKind, "unknown-kind")                                               \
  X(MissingReason, "missing-reason")
STATELESS_DECLARE_ENUMERATION(AllowProblem, STATELESS_ALLOW_PROBLEMS)

/// What an argument of a construction or a call hands on: a local of the
/// function making it, an object made right there, what a member of the
/// function's object refers to, or what the function's own caller passed
/// to one of its parameters.
#define STATELESS_ARGUMENT_KINDS(X)                                            \
  X(Local, "local")                                                            \
  X(Made, "made")                                                              \
  X(Member, "member")                                                          \
  X(Parameter, "parameter")
STATELESS_DECLARE_ENUMERATION(ArgumentKind, STATELESS_ARGUMENT_KINDS)

#undef STATELESS_DECLARE_ENUMERATION

/// The name of \p Value, as the dump prints it.
template <typename E> llvm::StringRef nameOf(E Value) {
  return Enumeration<E>::Names[static_cast<size_t>(Value)];
}

/// True for a value the enumeration declares (read from an untrusted index).
template <typename E> bool isEnumerator(uint64_t Value) {
  return Value < Enumeration<E>::Count;
}

} // namespace stateless

#endif

//===--- Facts.h - what a translation unit tells of the program ------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The one form in which the analysis knows the program: the facts of each
// translation unit, as plain data keyed by USR so that units join. The unit
// being checked is summarised into these facts, and so is every unit of the
// project index; the rules read nothing else. Per function: the functions
// it reaches, the objects it creates, its writes to variables, members and
// shared objects, and its effects (local files, timers); per unit: its
// roots (handlers, threads, start-up code), the variables, fields and
// classes it knows, and the files it was built from.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_INDEX_FACTS_H
#define STATELESS_INDEX_FACTS_H

#include "Enumerations.h"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace stateless {

/// A place in a source file: an absolute path and a 1-based line and column.
struct FileLocation {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;

  bool isValid() const { return !File.empty(); }
  friend bool operator<(const FileLocation &A, const FileLocation &B) {
    return std::tie(A.File, A.Line, A.Column) <
           std::tie(B.File, B.Line, B.Column);
  }
  friend bool operator==(const FileLocation &A, const FileLocation &B) {
    return std::tie(A.File, A.Line, A.Column) ==
           std::tie(B.File, B.Line, B.Column);
  }
};

namespace index {

/// A `STATELESS_ALLOW(kind, "reason")` on a declaration.
struct Allow {
  std::string On; ///< the name of the declaration it is on, as declared
  std::string Kind;
  std::string Reason;
  AllowProblem Problem = AllowProblem::None;
  FileLocation Loc; ///< where the annotation is written

  bool isValid() const { return Problem == AllowProblem::None; }
};

/// What one argument of a construction, or of a call, hands on.
struct Argument {
  unsigned Index = 0;
  ArgumentKind Kind = ArgumentKind::Local;
  /// The local's Variable::USR, the made object's Creation::id(), or the
  /// member's USR; empty for a parameter.
  std::string Object;
  /// For a parameter of the function making the call or construction: its
  /// position, from 0.
  unsigned Parameter = 0;
};

/// SQL a call hands a function of the project's: text that writes, or the
/// caller's own parameter (judged where the caller is called).
struct SqlArgument {
  unsigned Argument = 0;
  bool Writes = false;
  /// 1 + the position of the caller's parameter it is; 0 when none.
  unsigned Parameter = 0;
};

/// An integer constant a call hands a function of the project's, or the
/// caller's own parameter passed on (a mode, flags).
struct ModeArgument {
  unsigned Argument = 0;
  int64_t Value = 0;
  /// 1 + the position of the caller's parameter it is; 0 for a constant.
  unsigned Parameter = 0;
};

struct Call {
  std::string Callee; ///< USR of the function reached
  /// How notes name it: the function's qualified name, or for a
  /// constructor its class's; empty for a lambda.
  std::string CalleeName;
  CallKind Kind = CallKind::Call;
  FileLocation Site;
  std::vector<SqlArgument> SqlArguments;
  std::vector<ModeArgument> ModeArguments;
  /// The objects a call of a function of the project's hands to its
  /// reference or pointer parameters (Argument::Index: the parameter).
  std::vector<Argument> Arguments;
};

/// The caller writes through what a function returns, a non-const
/// reference or pointer (an accessor's), or returns it in turn.
struct AccessUse {
  std::string Callee; ///< USR
  FileLocation Site;  ///< the write, or the return that hands it on
  bool HandedOn = false;
  std::string Via; ///< see VariableWrite::Via
};

/// A statement that modifies a variable with static storage, or that hands
/// out mutable access to it (returns a non-const reference or pointer to
/// it, as a function-local-static accessor does).
struct VariableWrite {
  std::string Variable; ///< USR
  FileLocation Site;
  bool HandsOutAccess = false;
  /// When the statement calls a non-const method of the service's own code
  /// on the object (`cart.add(item)`), that method's USR: it writes the
  /// object only if the method (or what it calls on its object) changes
  /// one of its members. Empty for any other write.
  std::string Via;
};

/// A reference to a data member of `this` that modifies the member's own
/// value (Object) or the object it points or refers to (Pointee).
struct MemberWrite {
  std::string Field; ///< USR
  FileLocation Object;
  FileLocation Pointee;
  std::string ObjectVia;  ///< see VariableWrite::Via
  std::string PointeeVia; ///< see VariableWrite::Via
  /// The pointee's "write" is the function returning the pointer or
  /// reference (`return db_;`): what callers write through it counts.
  bool PointeeHandedOut = false;
};

/// A lambda's write to a local of a function around it (the local itself
/// when captured by reference, what it points to when captured by copy).
struct CapturedWrite {
  std::string Local; ///< Variable::USR of the local
  FileLocation Site;
  std::string Via; ///< see VariableWrite::Via
};

/// An object a function creates: a construction, `new`, or a factory such
/// as `std::make_shared<T>(...)`.
struct Creation {
  std::string Class;       ///< USR
  std::string Constructor; ///< USR of the constructor run, when known
  std::string TypeName;    ///< the type as written
  FileLocation Site;
  /// What the object is, as for a variable (Variable).
  bool Keyed = false;
  bool CanHoldState = false;
  std::vector<std::string> TypeNames;
  std::vector<std::string> Holds;
  /// The arguments that hand on an object (locals, objects made there,
  /// members).
  std::vector<Argument> Arguments;

  /// How arguments and variables name an object made inline.
  std::string id() const;
};

/// The id of the object made inline at \p Site (Creation::id()).
std::string objectMadeAt(const FileLocation &Site);

/// A constructor's parameter kept in a reference, pointer or shared-pointer
/// member (a borrowed member): what the creator passes there is the object
/// the member refers to.
struct Kept {
  unsigned Parameter = 0;
  std::string Field; ///< USR
};

struct Effect {
  EffectKind Kind = EffectKind::FileWrite;
  /// The library function, method or class, as its users spell it.
  std::string Api;
  /// What it does: "opens a file for writing", "arms a timer".
  std::string Action;
  FileLocation Site;
  Recurrence Recurs = Recurrence::Once;
  /// The timer or thread object the call arms (a USR or a local's id), so
  /// that several calls on one object are one finding; empty when the call
  /// is the object.
  std::string Object;
  std::optional<Allow> ObjectAllow;
  /// The functions the call is given (completion handlers, thread entries).
  std::vector<std::string> Callbacks;
  /// The file it writes, as the call's first argument spells it (a path,
  /// a variable), when that is a string or a path; empty otherwise.
  std::string Target;
  /// A database write whose SQL is the function's parameter: 1 + its
  /// position; the write happens where request code hands it SQL that
  /// writes. 0 when the SQL was read where it runs.
  unsigned SqlParameter = 0;
  /// A file opened with a mode or flags that are the function's parameter:
  /// 1 + its position (0: none), and the bits that make the open a write;
  /// it writes where request code hands it a value with one of them.
  unsigned ModeParameter = 0;
  int64_t ModeBits = 0;
};

struct Function {
  std::string USR;
  std::string Name; ///< qualified name; empty for a lambda
  FileLocation Loc;
  /// The class `this` points to (a method's, or for a lambda capturing
  /// `this`, its enclosing method's); empty when there is none.
  std::string ThisClass;
  bool IsLambda = false;
  /// A constructor or destructor: its writes to members are not state.
  bool IsStructor = false;
  /// Its code depends on template parameters: judged where a handler
  /// reaches it, not on its own.
  bool Dependent = false;
  /// Its own code loops until stopped and sleeps in the loop.
  bool LoopsWithSleep = false;
  /// Its own code closes or cancels a connection or stream.
  bool ClosesConnection = false;
  /// Its own code runs a server's event loop (`io_context::run`,
  /// `httplib::Server::listen`). A thread that reaches one is the server's,
  /// started by start-up. (A loop of its own that waits for requests may
  /// serve them in its own statements: its thread stays a thread.)
  bool RunsServer = false;
  std::optional<Allow> Allowed;
  std::vector<Call> Calls;
  /// USRs of the virtual methods it overrides directly: a call of one of
  /// them may run it.
  std::vector<std::string> Overrides;
  std::vector<Creation> Creates;
  /// For a constructor: the parameters it keeps in borrowed members.
  std::vector<Kept> Keeps;
  std::vector<VariableWrite> VariableWrites;
  std::vector<MemberWrite> MemberWrites;
  std::vector<CapturedWrite> CapturedWrites;
  std::vector<AccessUse> AccessUses;
  /// USRs of the non-const methods it calls on its own object (`this`).
  std::vector<std::string> CallsOnThis;
  std::vector<Effect> Effects;
};

/// A callable stored into a table of callables: a container of them (a
/// project's own route table, a queue of jobs), a variable or member that
/// holds one, or a function's callable parameter (what its callers pass).
/// It runs wherever the table's callables are called (a call of kind
/// Stored), and serves requests when a registrar is given the table.
struct StoredCallable {
  /// USR of the variable or member holding it; for a parameter, its
  /// function's USR, '#' and its position.
  std::string Table;
  std::string Function;     ///< USR; empty when copied from a table
  std::string FunctionName; ///< qualified name; empty for a lambda
  FileLocation Site;        ///< where it is stored
  /// The table whose callables are copied here (`on_message_ = callback`),
  /// in place of a function.
  std::string FromTable;
};

struct Root {
  RootKind Kind = RootKind::Handler;
  HandlerReason Why = HandlerReason::Registered;
  std::string Function;     ///< USR
  std::string FunctionName; ///< qualified name; empty for a lambda
  std::string Via;          ///< registrar, route table or base class
  FileLocation Site;        ///< the registration, or the function itself
  /// The route it serves ("POST /login"), where its registration or base
  /// class names one; empty otherwise.
  std::string Route;
  /// A registration of what a table of callables holds (a wrapper's
  /// parameter handed to the framework's registrar), in place of Function:
  /// each callable stored there is a handler, registered where it is
  /// stored.
  std::string Table;
};

/// A variable with static storage, or a local of a function that lambdas
/// capture or constructors are given (it may be shared with request code).
struct Variable {
  std::string USR;
  std::string Name;          ///< as declared
  std::string QualifiedName; ///< with its scopes
  VariableScope Scope = VariableScope::Namespace;
  bool ThreadLocal = false;
  /// The unit's main file holds its definition.
  bool Defined = false;
  /// The definition in the main file, else the first declaration.
  FileLocation Loc;
  /// A map or set (the session-map check), as opposed to any other type.
  bool Keyed = false;
  /// False for the types that never hold state on their own: const
  /// objects, synchronisation primitives, random generators, service
  /// infrastructure, scratch buffers.
  bool CanHoldState = false;
  std::optional<Allow> Allowed;
  /// How its type is spelled (as written, canonical, the class template's
  /// name), for the AllowedTypes option.
  std::vector<std::string> TypeNames;
  /// Its type as declared.
  std::string TypeName;
  /// USRs of the classes whose objects it holds (itself, what a pointer
  /// points to, a container's elements): their members are its state.
  std::vector<std::string> Holds;
  /// For a local: the function that declares it.
  std::string Function;
};

/// A data member that the unit's code writes or that carries an annotation.
struct Field {
  std::string USR;
  std::string Name;          ///< as declared
  std::string QualifiedName; ///< with its class
  std::string Class;         ///< USR
  FileLocation Loc;
  std::string TypeName; ///< its type as declared
  bool Keyed = false;
  /// False for references, const members and types that never hold state.
  bool CanHoldState = false;
  /// A reference, pointer or shared pointer: it refers to an object rather
  /// than holding one.
  bool RefersToObject = false;
  bool IsReference = false;
  /// A constructor the unit defines keeps one of its parameters in it: it
  /// borrows the object it refers to, which is the creator's state.
  bool Borrowed = false;
  std::optional<Allow> Allowed;
};

/// A class whose methods the unit's functions run, with what decides
/// whether its objects are long-lived handler objects.
struct Class {
  std::string USR;
  std::string Name;
  /// The unit's main file defines one of its methods out of line.
  bool Implemented = false;
  /// The unit's main file holds its definition.
  bool Defined = false;
  /// A framework creates its objects per request (FrameworkTables).
  bool PerRequest = false;
  std::vector<std::string> Bases; ///< USRs of all its bases, indirect ones too
};

/// A file a unit was built from, as it was when the unit was indexed.
struct InputFile {
  std::string Path;
  int64_t ModificationTime = 0; ///< nanoseconds since the epoch
  uint64_t Size = 0;
  uint64_t Hash = 0; ///< of the contents (0 when not taken)
  /// Of the code, without its comments and whitespace but with the place of
  /// each character (Inputs.h): an edit of comments or whitespace that moves
  /// no code leaves the facts as they were.
  uint64_t CodeHash = 0;

  friend bool operator==(const InputFile &A, const InputFile &B) {
    return A.Path == B.Path && A.ModificationTime == B.ModificationTime &&
           A.Size == B.Size && A.Hash == B.Hash && A.CodeHash == B.CodeHash;
  }
};

struct Unit {
  std::string MainFile; ///< absolute path
  /// Identifies the compile command the unit was indexed with.
  std::string Command;
  std::vector<InputFile> Inputs;
  std::vector<Function> Functions;
  std::vector<Root> Roots;
  std::vector<StoredCallable> StoredCallables;
  std::vector<Variable> Variables;
  std::vector<Field> Fields;
  std::vector<Class> Classes;
};

struct Index {
  std::vector<Unit> Units; ///< sorted by main file, one per main file
};

} // namespace index
} // namespace stateless

#endif

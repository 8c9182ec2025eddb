//===--- Effects.h - calls that write local files or arm timers ------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Library knowledge as data (tables in Effects.cpp): the calls and
// constructions that create, modify, move or delete local files, and those
// that create or arm timers, periodic jobs and background threads.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_EFFECTS_H
#define STATELESS_LIB_EFFECTS_H

#include "Enumerations.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace stateless {

/// What a call or construction does that outlives the request.
struct KnownEffect {
  EffectKind Kind;
  /// The library function, method or class, as its users spell it:
  /// "std::ofstream", "boost::asio::basic_waitable_timer::async_wait".
  std::string Api;
  /// What it does: "opens a file for writing", "arms a timer".
  std::string Action;
  /// The timer or thread object the call arms, so that several calls on one
  /// object are one finding; null when the call is the object itself. For
  /// a local database's open or write, the global or member handle it fills
  /// or writes through, when it names one.
  const clang::Decl *Object = nullptr;
  Recurrence Recurs = Recurrence::Once;
  /// A database write whose SQL is this parameter of the caller's, not
  /// readable here: it writes where the caller is handed SQL that does.
  const clang::ParmVarDecl *SqlFrom = nullptr;
  /// An open whose mode or flags are this parameter of the caller's: it
  /// writes where the caller is handed a value with one of ModeBits.
  const clang::ParmVarDecl *ModeFrom = nullptr;
  long long ModeBits = 0;
};

/// The integer or enumeration parameter \p Mode is, when it is one.
const clang::ParmVarDecl *modeParameter(const clang::Expr *Mode);

/// The value of an integer constant argument: a plain constant, an enum,
/// or flags combined with a class's operator| (QFlags, ios_base::openmode).
std::optional<long long> integerValue(const clang::Expr *E,
                                      const clang::ASTContext &Context);

/// SQL text that starts with a statement that writes (INSERT, UPDATE, ...).
bool writesSql(const clang::Expr *Sql);
/// The parameter \p Sql is, through `c_str()`, `data()`, conversions and
/// a local copy of it (`std::string sql = std::string(format)`).
const clang::ParmVarDecl *sqlParameter(const clang::Expr *Sql);

/// A call that pauses the calling thread for a while (`sleep_for`, `usleep`,
/// a timed wait on a condition variable): in a loop, a schedule.
bool isSleep(const clang::FunctionDecl &Callee);

/// A pause of no length (`sleep(0)`, `sleep_for(0ms)`): a yield to other
/// threads, not a period.
bool isYield(const clang::CallExpr &Sleep, const clang::ASTContext &Context);

/// A call that blocks until input arrives (`fgets`, `recv`, `accept`,
/// `epoll_wait`, an untimed wait on a condition variable): a loop around it
/// serves that input rather than running on a schedule.
bool waitsForInput(const clang::FunctionDecl &Callee);

/// A call that closes or cancels a connection or stream (`close`,
/// `shutdown`, `cancel`): what a per-connection deadline does.
bool closesConnection(const clang::FunctionDecl &Callee);

/// The library of databases kept in a local file (SQLite's C API,
/// SQLiteCpp) that the API named \p Api (as an effect records it) belongs
/// to; empty for any other.
llvm::StringRef localDatabaseOf(llvm::StringRef Api);

/// The variable or member \p E names (`x`, `obj.m`, `this->m`), if it
/// names one.
const clang::ValueDecl *objectOf(const clang::Expr *E);

/// The effect of the call or construction \p E, if it is one the tables
/// know. Arguments that decide it (an open mode, flags) must be constants;
/// a mode the analysis cannot evaluate is taken as read-only.
std::optional<KnownEffect> classifyEffect(const clang::Expr &E,
                                     const clang::ASTContext &Context);

} // namespace stateless

#endif

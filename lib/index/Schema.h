//===--- Schema.h - every field of the facts, by name ----------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// One description of the facts' layout serves every pass over them:
// writing, reading, rewriting paths and dumping (Format.cpp), and the tests
// that fill and compare every field. A pass \p P provides field(Name, V)
// for each field and path(Name, S) for the strings that are paths; walk()
// hands it the values: strings, flags, enumerations and numbers to its
// string(), flag(), enumeration() and number(), lists and optional values
// to its list() and optional(), structures through their schema.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_INDEX_SCHEMA_H
#define STATELESS_INDEX_SCHEMA_H

#include "Facts.h"

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace stateless {
namespace index {

template <typename Pass> void schema(Pass &IO, FileLocation &L) {
  IO.path("file", L.File);
  IO.field("line", L.Line);
  IO.field("column", L.Column);
}

template <typename Pass> void schema(Pass &IO, Allow &A) {
  IO.field("on", A.On);
  IO.field("kind", A.Kind);
  IO.field("reason", A.Reason);
  IO.field("problem", A.Problem);
  IO.field("at", A.Loc);
}

template <typename Pass> void schema(Pass &IO, Argument &A) {
  IO.field("index", A.Index);
  IO.field("kind", A.Kind);
  IO.located("object", A.Object);
  IO.field("parameter", A.Parameter);
}

template <typename Pass> void schema(Pass &IO, SqlArgument &A) {
  IO.field("argument", A.Argument);
  IO.field("writes", A.Writes);
  IO.field("parameter", A.Parameter);
}

template <typename Pass> void schema(Pass &IO, ModeArgument &A) {
  IO.field("argument", A.Argument);
  IO.field("value", A.Value);
  IO.field("parameter", A.Parameter);
}

template <typename Pass> void schema(Pass &IO, Call &C) {
  IO.field("callee", C.Callee);
  IO.field("callee-name", C.CalleeName);
  IO.field("kind", C.Kind);
  IO.field("at", C.Site);
  IO.field("sql-arguments", C.SqlArguments);
  IO.field("mode-arguments", C.ModeArguments);
  IO.field("arguments", C.Arguments);
}

template <typename Pass> void schema(Pass &IO, AccessUse &U) {
  IO.field("callee", U.Callee);
  IO.field("at", U.Site);
  IO.field("handed-on", U.HandedOn);
  IO.field("via", U.Via);
}

template <typename Pass> void schema(Pass &IO, VariableWrite &W) {
  IO.field("variable", W.Variable);
  IO.field("at", W.Site);
  IO.field("hands-out-access", W.HandsOutAccess);
  IO.field("via", W.Via);
}

template <typename Pass> void schema(Pass &IO, MemberWrite &W) {
  IO.field("field", W.Field);
  IO.field("object-at", W.Object);
  IO.field("pointee-at", W.Pointee);
  IO.field("object-via", W.ObjectVia);
  IO.field("pointee-via", W.PointeeVia);
  IO.field("pointee-handed-out", W.PointeeHandedOut);
}

template <typename Pass> void schema(Pass &IO, CapturedWrite &W) {
  IO.field("local", W.Local);
  IO.field("at", W.Site);
  IO.field("via", W.Via);
}

template <typename Pass> void schema(Pass &IO, Creation &C) {
  IO.field("class", C.Class);
  IO.field("constructor", C.Constructor);
  IO.field("type", C.TypeName);
  IO.field("at", C.Site);
  IO.field("keyed", C.Keyed);
  IO.field("can-hold-state", C.CanHoldState);
  IO.field("type-names", C.TypeNames);
  IO.field("holds", C.Holds);
  IO.field("arguments", C.Arguments);
}

template <typename Pass> void schema(Pass &IO, Kept &K) {
  IO.field("parameter", K.Parameter);
  IO.field("field", K.Field);
}

template <typename Pass> void schema(Pass &IO, Effect &E) {
  IO.field("kind", E.Kind);
  IO.field("api", E.Api);
  IO.field("action", E.Action);
  IO.field("at", E.Site);
  IO.field("recurs", E.Recurs);
  IO.located("object", E.Object);
  IO.field("object-allow", E.ObjectAllow);
  IO.field("callbacks", E.Callbacks);
  IO.field("target", E.Target);
  IO.field("sql-parameter", E.SqlParameter);
  IO.field("mode-parameter", E.ModeParameter);
  IO.field("mode-bits", E.ModeBits);
}

template <typename Pass> void schema(Pass &IO, Function &F) {
  IO.field("usr", F.USR);
  IO.field("name", F.Name);
  IO.field("at", F.Loc);
  IO.field("this-class", F.ThisClass);
  IO.field("lambda", F.IsLambda);
  IO.field("structor", F.IsStructor);
  IO.field("dependent", F.Dependent);
  IO.field("loops-with-sleep", F.LoopsWithSleep);
  IO.field("closes-connection", F.ClosesConnection);
  IO.field("runs-server", F.RunsServer);
  IO.field("allow", F.Allowed);
  IO.field("calls", F.Calls);
  IO.field("overrides", F.Overrides);
  IO.field("creates", F.Creates);
  IO.field("keeps", F.Keeps);
  IO.field("variable-writes", F.VariableWrites);
  IO.field("member-writes", F.MemberWrites);
  IO.field("captured-writes", F.CapturedWrites);
  IO.field("access-uses", F.AccessUses);
  IO.field("calls-on-this", F.CallsOnThis);
  IO.field("effects", F.Effects);
}

template <typename Pass> void schema(Pass &IO, Root &R) {
  IO.field("kind", R.Kind);
  IO.field("why", R.Why);
  IO.field("function", R.Function);
  IO.field("function-name", R.FunctionName);
  IO.field("via", R.Via);
  IO.field("at", R.Site);
  IO.field("route", R.Route);
  IO.field("table", R.Table);
}

template <typename Pass> void schema(Pass &IO, StoredCallable &S) {
  IO.field("table", S.Table);
  IO.field("function", S.Function);
  IO.field("function-name", S.FunctionName);
  IO.field("at", S.Site);
  IO.field("from-table", S.FromTable);
}

template <typename Pass> void schema(Pass &IO, Variable &V) {
  IO.field("usr", V.USR);
  IO.field("name", V.Name);
  IO.field("qualified-name", V.QualifiedName);
  IO.field("scope", V.Scope);
  IO.field("thread-local", V.ThreadLocal);
  IO.field("defined", V.Defined);
  IO.field("at", V.Loc);
  IO.field("keyed", V.Keyed);
  IO.field("can-hold-state", V.CanHoldState);
  IO.field("allow", V.Allowed);
  IO.field("type-names", V.TypeNames);
  IO.field("type", V.TypeName);
  IO.field("holds", V.Holds);
  IO.field("function", V.Function);
}

template <typename Pass> void schema(Pass &IO, Field &F) {
  IO.field("usr", F.USR);
  IO.field("name", F.Name);
  IO.field("qualified-name", F.QualifiedName);
  IO.field("class", F.Class);
  IO.field("at", F.Loc);
  IO.field("type", F.TypeName);
  IO.field("keyed", F.Keyed);
  IO.field("can-hold-state", F.CanHoldState);
  IO.field("refers-to-object", F.RefersToObject);
  IO.field("reference", F.IsReference);
  IO.field("borrowed", F.Borrowed);
  IO.field("allow", F.Allowed);
}

template <typename Pass> void schema(Pass &IO, Class &C) {
  IO.field("usr", C.USR);
  IO.field("name", C.Name);
  IO.field("implemented", C.Implemented);
  IO.field("defined", C.Defined);
  IO.field("per-request", C.PerRequest);
  IO.field("bases", C.Bases);
}

template <typename Pass> void schema(Pass &IO, InputFile &F) {
  IO.path("path", F.Path);
  IO.field("modified", F.ModificationTime);
  IO.field("size", F.Size);
  IO.field("hash", F.Hash);
  IO.field("code-hash", F.CodeHash);
}

/// The main file is stored before the record (to name a damaged one).
template <typename Pass> void schema(Pass &IO, Unit &U) {
  IO.field("command", U.Command);
  IO.field("inputs", U.Inputs);
  IO.field("functions", U.Functions);
  IO.field("roots", U.Roots);
  IO.field("stored-callables", U.StoredCallables);
  IO.field("variables", U.Variables);
  IO.field("fields", U.Fields);
  IO.field("classes", U.Classes);
}

template <typename T> struct IsVector : std::false_type {};
template <typename T> struct IsVector<std::vector<T>> : std::true_type {};
template <typename T> struct IsOptional : std::false_type {};
template <typename T> struct IsOptional<std::optional<T>> : std::true_type {};

/// Hands a value to a pass: scalars to its handlers, lists and optional
/// values to its list() and optional(), structures through their schema.
template <typename Pass, typename T> void walk(Pass &P, T &V) {
  if constexpr (std::is_same_v<T, std::string>)
    P.string(V);
  else if constexpr (std::is_same_v<T, bool>)
    P.flag(V);
  else if constexpr (std::is_enum_v<T>)
    P.enumeration(V);
  else if constexpr (std::is_integral_v<T>)
    P.number(V);
  else if constexpr (IsVector<T>::value)
    P.list(V);
  else if constexpr (IsOptional<T>::value)
    P.optional(V);
  else
    schema(P, V);
}

} // namespace index
} // namespace stateless

#endif

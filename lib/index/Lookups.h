//===--- Lookups.h - the keys under which a unit's facts are found --------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The one list of what the whole-program lookups find and under which key:
// FactTable fills its tables from it, and the index's directory (Format.h)
// records from it which units have facts under each key.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_INDEX_LOOKUPS_H
#define STATELESS_INDEX_LOOKUPS_H

#include "Facts.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace stateless {
namespace index {

/// The lookups, each of facts by a key (Roots and HandOns: all of them, by
/// the empty key; PassingCalls: the calls that hand objects on, by callee). A stored index lists, per lookup and key, the units that
/// have facts there (Format.h), so that a lookup reads only those.
enum class Lookup : uint8_t {
  Definitions,
  Overriders,
  VariableWrites,
  MemberWrites,
  CapturedWrites,
  AccessUses,
  StoredCallables,
  Creations,
  Variables,
  Fields,
  FieldsByClass,
  Classes,
  Roots,
  HandOns,
  PassingCalls,
};

/// How many lookups there are (the index's layout names it: a lookup added
/// is missing from every index written before).
constexpr size_t LookupCount = size_t(Lookup::PassingCalls) + 1;

/// Calls \p Visit(Lookup, Key, In, Fact) for each fact of \p U under each
/// lookup that finds it: the one list of what the lookups hold.
template <typename Visitor> void visitFacts(const Unit &U, Visitor &&Visit) {
  for (const Function &F : U.Functions) {
    Visit(Lookup::Definitions, F.USR, &F, &F);
    for (const std::string &Overridden : F.Overrides)
      Visit(Lookup::Overriders, Overridden, &F, &F);
    for (const VariableWrite &W : F.VariableWrites)
      Visit(Lookup::VariableWrites, W.Variable, &F, &W);
    for (const MemberWrite &W : F.MemberWrites)
      Visit(Lookup::MemberWrites, W.Field, &F, &W);
    for (const CapturedWrite &W : F.CapturedWrites)
      Visit(Lookup::CapturedWrites, W.Local, &F, &W);
    for (const AccessUse &Use : F.AccessUses)
      Visit(Lookup::AccessUses, Use.Callee, &F, &Use);
    for (const Call &C : F.Calls)
      if (!C.Arguments.empty())
        Visit(Lookup::PassingCalls, C.Callee, &F, &C);
    for (const Creation &C : F.Creates) {
      Visit(Lookup::Creations, C.id(), &F, &C);
      if (!C.Arguments.empty())
        Visit(Lookup::HandOns, "", &F, &C);
    }
  }
  const Function *None = nullptr;
  for (const Root &R : U.Roots)
    Visit(Lookup::Roots, "", None, &R);
  for (const StoredCallable &S : U.StoredCallables)
    Visit(Lookup::StoredCallables, S.Table, None, &S);
  for (const Variable &V : U.Variables)
    Visit(Lookup::Variables, V.USR, None, &V);
  for (const Field &F : U.Fields) {
    Visit(Lookup::Fields, F.USR, None, &F);
    Visit(Lookup::FieldsByClass, F.Class, None, &F);
  }
  for (const Class &C : U.Classes)
    Visit(Lookup::Classes, C.USR, None, &C);
}

} // namespace index
} // namespace stateless

#endif

//===--- FactTable.cpp - the facts of some units, looked up by USR ---------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FactTable.h"

namespace stateless {
namespace index {

FactTable::FactTable(const Index &Data) : Data(Data) {
  for (unsigned U = 0; U < Data.Units.size(); ++U) {
    const Unit &Unit = Data.Units[U];
    UnitsByMainFile[Unit.MainFile] = U;
    for (const Function &F : Unit.Functions) {
      Definitions[F.USR].push_back({U, &F, &F});
      for (const std::string &Overridden : F.Overrides)
        Overriders[Overridden].push_back({U, &F, &F});
      for (const VariableWrite &W : F.VariableWrites)
        VariableWrites[W.Variable].push_back({U, &F, &W});
      for (const MemberWrite &W : F.MemberWrites)
        MemberWrites[W.Field].push_back({U, &F, &W});
      for (const CapturedWrite &W : F.CapturedWrites)
        CapturedWrites[W.Local].push_back({U, &F, &W});
      for (const AccessUse &Use : F.AccessUses)
        AccessUses[Use.Callee].push_back({U, &F, &Use});
      for (const Creation &C : F.Creates) {
        Creations[C.id()].push_back({U, &F, &C});
        if (!C.Arguments.empty())
          HandOns.push_back({U, &F, &C});
      }
    }
    for (const Root &R : Unit.Roots)
      Roots.push_back({U, nullptr, &R});
    for (const StoredCallable &S : Unit.StoredCallables)
      StoredCallables[S.Table].push_back({U, nullptr, &S});
    for (const Variable &V : Unit.Variables)
      Variables[V.USR].push_back({U, nullptr, &V});
    for (const Field &F : Unit.Fields) {
      Fields[F.USR].push_back({U, nullptr, &F});
      FieldsByClass[F.Class].push_back({U, nullptr, &F});
    }
    for (const Class &C : Unit.Classes)
      Classes[C.USR].push_back({U, nullptr, &C});
  }
}

std::optional<unsigned> FactTable::unitOf(llvm::StringRef MainFile) const {
  auto It = UnitsByMainFile.find(MainFile);
  if (It == UnitsByMainFile.end())
    return std::nullopt;
  return It->second;
}

} // namespace index
} // namespace stateless

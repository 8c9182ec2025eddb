//===--- ObjectChanges.cpp - whether a call of a method changes its object -===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ObjectChanges.h"

namespace stateless {

bool ObjectChanges::changes(llvm::StringRef USR) {
  auto [Entry, First] = Decided.try_emplace(USR, false);
  if (!First)
    return Entry->second;
  FunctionRef Method = View.definition(USR);
  llvm::SmallVector<FunctionRef, 2> Overrides = View.overriders(USR);
  // A method no unit defines is taken to change its object, unless it is
  // an interface's, which its overrides decide.
  bool Changes = !Method && Overrides.empty();
  for (size_t I = 0; Method && !Changes && I < Method->MemberWrites.size();
       ++I) {
    const index::MemberWrite &W = Method->MemberWrites[I];
    const index::Field *Field = View.field(W.Field);
    // A reference member's writes are to what it refers to; a handle's
    // (a database connection, a client) are to what is outside.
    if (Field && (Field->IsReference || !Field->CanHoldState))
      continue;
    Changes = (W.Object.isValid() && happens(W.ObjectVia)) ||
              (W.Pointee.isValid() && !(Field && Field->RefersToObject) &&
               happens(W.PointeeVia));
  }
  for (size_t I = 0; Method && !Changes && I < Method->CallsOnThis.size(); ++I)
    Changes = changes(Method->CallsOnThis[I]);
  // A virtual call may run any override.
  if (!Changes)
    Changes = llvm::any_of(Overrides, [&](FunctionRef Override) {
      return changes(Override->USR);
    });
  Decided[USR] = Changes;
  return Changes;
}

} // namespace stateless

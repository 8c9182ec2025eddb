//===--- ObjectChanges.h - whether a call of a method changes its object ---===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A call of a non-const method is a write to its object only if the method
// changes the object: writes one of its members (its own value, or what an
// owning member holds; not what a reference or pointer member refers to, nor
// the outside resource a handle member stands for), calls on it a method
// that does, or is overridden by one that does. The
// facts record such a call's method (VariableWrite::Via); this decides it
// over the whole program, where the method's body may be in another unit.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_ANALYSIS_OBJECTCHANGES_H
#define STATELESS_ANALYSIS_OBJECTCHANGES_H

#include "ProgramView.h"

#include "llvm/ADT/StringMap.h"

namespace stateless {

class ObjectChanges {
public:
  explicit ObjectChanges(const ProgramView &View) : View(View) {}

  /// Whether a write the facts record with \p Via (a method's USR, or empty
  /// for any other write) happens.
  bool happens(llvm::StringRef Via) { return Via.empty() || changes(Via); }

  /// Whether calling the method \p USR changes its object. A method no unit
  /// of the program defines is taken to change it, unless it has overrides
  /// (an interface's), which then decide.
  bool changes(llvm::StringRef USR);

private:
  const ProgramView &View;
  /// Decided methods; one being decided counts as not changing it, so that
  /// recursion ends.
  llvm::StringMap<bool> Decided;
};

} // namespace stateless

#endif

//===--- FactTable.h - the facts of some units, looked up by USR -----------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The lookups every whole-program question is made of, over the units of an
// index (the project's, or the one unit being checked): where a function is
// defined and what overrides it, the roots, where a variable, a member or a
// shared local is written, who uses what an accessor returns, which
// constructions hand objects on, and what the units know of a variable, a
// field or a class.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_INDEX_FACTTABLE_H
#define STATELESS_INDEX_FACTTABLE_H

#include "Facts.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <optional>

namespace stateless {
namespace index {

/// A fact, the unit it comes from and the function it belongs to (the
/// function itself for a function; null for a unit's own facts).
template <typename T> struct Found {
  unsigned Unit = 0;
  const Function *In = nullptr;
  const T *Fact = nullptr;
};

class FactTable {
public:
  /// Points into \p Data, which must outlive the table.
  explicit FactTable(const Index &Data);

  const Index &data() const { return Data; }
  /// The unit indexed from \p MainFile (an absolute path), if any.
  std::optional<unsigned> unitOf(llvm::StringRef MainFile) const;

  llvm::ArrayRef<Found<Function>> definitions(llvm::StringRef USR) const {
    return lookup(Definitions, USR);
  }
  /// The definitions of the methods that override \p USR directly.
  llvm::ArrayRef<Found<Function>> overriders(llvm::StringRef USR) const {
    return lookup(Overriders, USR);
  }
  llvm::ArrayRef<Found<Root>> roots() const { return Roots; }
  llvm::ArrayRef<Found<VariableWrite>>
  variableWrites(llvm::StringRef USR) const {
    return lookup(VariableWrites, USR);
  }
  llvm::ArrayRef<Found<MemberWrite>> memberWrites(llvm::StringRef USR) const {
    return lookup(MemberWrites, USR);
  }
  llvm::ArrayRef<Found<CapturedWrite>>
  capturedWrites(llvm::StringRef Local) const {
    return lookup(CapturedWrites, Local);
  }
  /// Where callers write through what \p USR returns.
  llvm::ArrayRef<Found<AccessUse>> accessUses(llvm::StringRef USR) const {
    return lookup(AccessUses, USR);
  }
  /// The callables stored into the container \p USR.
  llvm::ArrayRef<Found<StoredCallable>>
  storedCallables(llvm::StringRef USR) const {
    return lookup(StoredCallables, USR);
  }
  /// The constructions that hand an object on to the object they create.
  llvm::ArrayRef<Found<Creation>> handOns() const { return HandOns; }
  /// The object made inline with Creation::id() \p Id.
  llvm::ArrayRef<Found<Creation>> creation(llvm::StringRef Id) const {
    return lookup(Creations, Id);
  }
  llvm::ArrayRef<Found<Variable>> variables(llvm::StringRef USR) const {
    return lookup(Variables, USR);
  }
  llvm::ArrayRef<Found<Field>> fields(llvm::StringRef USR) const {
    return lookup(Fields, USR);
  }
  /// The fields of the class \p USR that the units have facts of.
  llvm::ArrayRef<Found<Field>> fieldsOfClass(llvm::StringRef USR) const {
    return lookup(FieldsByClass, USR);
  }
  llvm::ArrayRef<Found<Class>> classes(llvm::StringRef USR) const {
    return lookup(Classes, USR);
  }

private:
  template <typename T>
  using Map = llvm::StringMap<llvm::SmallVector<Found<T>, 1>>;
  template <typename T>
  static llvm::ArrayRef<Found<T>> lookup(const Map<T> &M, llvm::StringRef Key) {
    auto It = M.find(Key);
    if (It == M.end())
      return {};
    return It->second;
  }

  const Index &Data;
  llvm::StringMap<unsigned> UnitsByMainFile;
  Map<Function> Definitions;
  Map<Function> Overriders;
  std::vector<Found<Root>> Roots;
  Map<VariableWrite> VariableWrites;
  Map<MemberWrite> MemberWrites;
  Map<CapturedWrite> CapturedWrites;
  Map<AccessUse> AccessUses;
  Map<StoredCallable> StoredCallables;
  std::vector<Found<Creation>> HandOns;
  Map<Creation> Creations;
  Map<Variable> Variables;
  Map<Field> Fields;
  Map<Field> FieldsByClass;
  Map<Class> Classes;
};

} // namespace index
} // namespace stateless

#endif

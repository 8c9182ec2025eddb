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
// field or a class. Over a stored index, a lookup reads only the units that
// have facts under its key: checking one unit of a large project reads the
// few units its questions reach.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_INDEX_FACTTABLE_H
#define STATELESS_INDEX_FACTTABLE_H

#include "Facts.h"
#include "Lookups.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
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

class StoredIndex;

/// The facts of some units by lookup and key: of units in memory (the unit
/// being checked), or of a stored index, whose units are read when a lookup
/// first needs them. Safe to use from several threads.
class FactTable {
public:
  /// Over \p Data, which must outlive the table.
  explicit FactTable(const Index &Data);
  /// Over \p Stored, which must outlive the table.
  explicit FactTable(const StoredIndex &Stored);
  ~FactTable();

  /// The unit indexed from \p MainFile (an absolute path), if any.
  std::optional<unsigned> unitOf(llvm::StringRef MainFile) const;
  /// Unit \p U; null when it cannot be read (Format.h names why). Of a
  /// stored index, without its Inputs (StoredIndex::inputsOf()).
  const Unit *unit(unsigned U) const;

  llvm::ArrayRef<Found<Function>> definitions(llvm::StringRef USR) const {
    return find<Function>(Lookup::Definitions, USR);
  }
  /// The definitions of the methods that override \p USR directly.
  llvm::ArrayRef<Found<Function>> overriders(llvm::StringRef USR) const {
    return find<Function>(Lookup::Overriders, USR);
  }
  llvm::ArrayRef<Found<Root>> roots() const {
    return find<Root>(Lookup::Roots, "");
  }
  llvm::ArrayRef<Found<VariableWrite>>
  variableWrites(llvm::StringRef USR) const {
    return find<VariableWrite>(Lookup::VariableWrites, USR);
  }
  llvm::ArrayRef<Found<MemberWrite>> memberWrites(llvm::StringRef USR) const {
    return find<MemberWrite>(Lookup::MemberWrites, USR);
  }
  llvm::ArrayRef<Found<CapturedWrite>>
  capturedWrites(llvm::StringRef Local) const {
    return find<CapturedWrite>(Lookup::CapturedWrites, Local);
  }
  /// Where callers write through what \p USR returns.
  llvm::ArrayRef<Found<AccessUse>> accessUses(llvm::StringRef USR) const {
    return find<AccessUse>(Lookup::AccessUses, USR);
  }
  /// The callables stored into the container \p USR.
  llvm::ArrayRef<Found<StoredCallable>>
  storedCallables(llvm::StringRef USR) const {
    return find<StoredCallable>(Lookup::StoredCallables, USR);
  }
  /// The constructions that hand an object on to the object they create.
  llvm::ArrayRef<Found<Creation>> handOns() const {
    return find<Creation>(Lookup::HandOns, "");
  }
  /// The calls of \p USR that hand objects to its parameters.
  llvm::ArrayRef<Found<Call>> passingCalls(llvm::StringRef USR) const {
    return find<Call>(Lookup::PassingCalls, USR);
  }
  /// The object made inline with Creation::id() \p Id.
  llvm::ArrayRef<Found<Creation>> creation(llvm::StringRef Id) const {
    return find<Creation>(Lookup::Creations, Id);
  }
  llvm::ArrayRef<Found<Variable>> variables(llvm::StringRef USR) const {
    return find<Variable>(Lookup::Variables, USR);
  }
  llvm::ArrayRef<Found<Field>> fields(llvm::StringRef USR) const {
    return find<Field>(Lookup::Fields, USR);
  }
  /// The fields of the class \p USR that the units have facts of.
  llvm::ArrayRef<Found<Field>> fieldsOfClass(llvm::StringRef USR) const {
    return find<Field>(Lookup::FieldsByClass, USR);
  }
  llvm::ArrayRef<Found<Class>> classes(llvm::StringRef USR) const {
    return find<Class>(Lookup::Classes, USR);
  }

private:
  struct Tables;
  /// What \p Kind finds under \p Key, reading the units that have it first.
  /// A key's list is complete once found, and never changes after.
  template <typename T>
  llvm::ArrayRef<Found<T>> find(Lookup Kind, llvm::StringRef Key) const;

  const Index *Data = nullptr;
  const StoredIndex *Stored = nullptr;
  std::unique_ptr<Tables> Maps;
};

} // namespace index
} // namespace stateless

#endif

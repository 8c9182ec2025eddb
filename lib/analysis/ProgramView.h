//===--- ProgramView.h - the program as the analysis of one unit sees it ---===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The facts of the unit being analysed laid over those of the project index,
// as clangd's MergedIndex lays its dynamic index over the static one: the
// live unit (in an editor, the unsaved buffer) replaces its own entry in the
// index, and the index's units whose files changed since they were indexed
// are left out. Every whole-program question is asked of this view; with no
// index, it is the live unit alone. A function defined in a header is in
// every unit that includes it: the view answers with one copy of it (the
// live unit's when it has one), and counts facts of that copy only.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_ANALYSIS_PROGRAMVIEW_H
#define STATELESS_ANALYSIS_PROGRAMVIEW_H

#include "FactTable.h"
#include "Facts.h"
#include "ProjectIndex.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace stateless {

/// A function of the program.
using FunctionRef = const index::Function *;

/// A fact of a function of the program.
template <typename T> struct InFunction {
  FunctionRef In = nullptr;
  const T *Fact = nullptr;
};

class ProgramView {
public:
  /// \p Live: the facts of the unit analysed; \p Stored: the project index,
  /// or null.
  ProgramView(index::Unit Live, std::shared_ptr<const ProjectIndex> Stored);
  ProgramView(const ProgramView &) = delete; // the table points into LiveIndex
  ProgramView &operator=(const ProgramView &) = delete;

  const index::Unit &live() const { return LiveIndex.Units.front(); }
  bool hasIndex() const { return Stored != nullptr; }
  /// How many of the units of the index that this view consulted were left
  /// out because their files changed (the index reads only the units its
  /// questions reach).
  unsigned staleUnits() const {
    return llvm::count_if(Stale, [](const auto &U) { return U.second; });
  }
  /// False when the live main file is no unit of the index: a new file, or
  /// a header an editor opened on its own.
  bool liveIsIndexed() const { return LiveStored != NoUnit; }
  /// Whether the view holds every unit of the program as it is: an index
  /// that has the live unit, no unit left out and none of those consulted
  /// out of date.
  bool isWholeProgram() const {
    return Stored && liveIsIndexed() && staleUnits() == 0 &&
           Stored->leftOut().empty();
  }
  bool isLive(FunctionRef F) const;

  /// The definition of \p USR: the live unit's, else an indexed unit's;
  /// null when none is known.
  FunctionRef definition(llvm::StringRef USR) const;
  /// The definitions of the methods that override \p USR directly.
  llvm::SmallVector<FunctionRef, 2> overriders(llvm::StringRef USR) const;
  /// The roots: the live unit's, then the indexed units'. A registration
  /// of a table's callables is a root for each of them, registered where it
  /// is stored.
  llvm::ArrayRef<const index::Root *> roots() const { return Roots; }

  /// The writes to the variable \p USR, of the functions definition() picks.
  llvm::SmallVector<InFunction<index::VariableWrite>, 2>
  variableWrites(llvm::StringRef USR) const;
  /// The writes to or through the member \p USR.
  llvm::SmallVector<InFunction<index::MemberWrite>, 2>
  memberWrites(llvm::StringRef USR) const;
  /// The lambdas' writes to the local \p Local.
  llvm::SmallVector<InFunction<index::CapturedWrite>, 2>
  capturedWrites(llvm::StringRef Local) const;
  /// The callables stored into the table \p Table, each once, also those
  /// of the tables copied into it.
  std::vector<const index::StoredCallable *>
  storedCallables(llvm::StringRef Table) const;
  /// Where callers write through what \p USR returns, or hand it on.
  llvm::SmallVector<InFunction<index::AccessUse>, 2>
  accessUses(llvm::StringRef USR) const;
  /// The constructions that hand an object on to the object they create.
  llvm::SmallVector<InFunction<index::Creation>, 4> handOns() const;
  /// The calls of \p USR that hand objects to its parameters.
  llvm::SmallVector<InFunction<index::Call>, 2>
  passingCalls(llvm::StringRef USR) const;
  /// The object made inline with the id \p Id, and the function making it.
  InFunction<index::Creation> creation(llvm::StringRef Id) const;

  /// What the program knows of a variable, a field or a class: the live
  /// unit's facts first.
  const index::Variable *variable(llvm::StringRef USR) const;
  const index::Field *field(llvm::StringRef USR) const;
  const index::Class *classInfo(llvm::StringRef USR) const;
  /// Whether any unit sees a constructor keep the member \p USR.
  bool isBorrowed(llvm::StringRef USR) const;
  /// The fields of the class \p USR that any unit has facts of.
  llvm::SmallVector<const index::Field *, 4>
  fieldsOf(llvm::StringRef USR) const;

  /// Which unit reports a finding: the one whose main file defines the
  /// variable, implements the class or holds the function (first in path
  /// order when several do); when none does, the first in path order of
  /// those that know it. With no index, the live unit reports everything.
  bool liveOwnsVariable(const index::Variable &V) const;
  bool liveOwnsClass(llvm::StringRef USR) const;
  bool liveOwnsFunction(const index::Function &F) const;

  /// Orders two places: the live unit's as they come in it (set by whoever
  /// has its AST), the others by path and position.
  bool isBefore(const FileLocation &A, const FileLocation &B) const;
  void setLiveOrder(
      std::function<bool(const FileLocation &, const FileLocation &)> Order) {
    LiveOrder = std::move(Order);
  }

private:
  static constexpr unsigned NoUnit = ~0u;
  /// A fact of the index that counts: not of the live unit's own entry, nor
  /// of a unit whose files changed.
  template <typename T> bool counts(const index::Found<T> &F) const {
    if (F.Unit == LiveStored)
      return false;
    auto [It, New] = Stale.try_emplace(F.Unit);
    if (New)
      It->second = Stored->isStale(F.Unit, FilesSeen);
    return !It->second;
  }
  /// The facts of the live unit and the counted units, of functions that
  /// definition() picks.
  template <typename T, typename Lookup>
  llvm::SmallVector<InFunction<T>, 2> gather(Lookup Find) const;
  /// Hands \p Visit what \p Find finds in the live unit, then in the
  /// counted units of the index.
  template <typename T, typename Lookup, typename Visitor>
  void forEachCounted(Lookup Find, Visitor Visit) const;
  template <typename T, typename Lookup>
  const T *firstKnown(Lookup Find) const;
  template <typename T, typename Claims>
  bool liveComesFirst(llvm::ArrayRef<index::Found<T>> Known, bool LiveClaims,
                      Claims Claimed) const;

  index::Index LiveIndex;
  index::FactTable LiveTable;
  std::shared_ptr<const ProjectIndex> Stored;
  unsigned LiveStored = NoUnit;
  /// The units consulted, whether their files changed, and the files.
  mutable llvm::DenseMap<unsigned, bool> Stale;
  mutable ProjectIndex::FilesSeen FilesSeen;
  std::vector<const index::Root *> Roots;
  /// One root per callable of a registered table (Root::Table).
  std::deque<index::Root> TableRoots;
  std::function<bool(const FileLocation &, const FileLocation &)> LiveOrder;
};

} // namespace stateless

#endif

//===--- ProgramView.cpp - the program as the analysis of one unit sees it -===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ProgramView.h"

#include "llvm/ADT/StringSet.h"
#include <set>
#include <tuple>

namespace stateless {
namespace {

index::Index indexOf(index::Unit Only) {
  index::Index I;
  I.Units.push_back(std::move(Only));
  return I;
}

} // namespace

ProgramView::ProgramView(index::Unit Live,
                         std::shared_ptr<const ProjectIndex> StoredIndex)
    : LiveIndex(indexOf(std::move(Live))), LiveTable(LiveIndex),
      Stored(std::move(StoredIndex)) {
  for (const index::Found<index::Root> &R : LiveTable.roots())
    Roots.push_back(R.Fact);
  if (Stored) {
    // Its own entry is not used, current or not.
    LiveStored = Stored->facts().unitOf(live().MainFile).value_or(NoUnit);
    // A root in a header is found by every unit that includes it: once.
    std::set<std::tuple<RootKind, std::string, std::string, FileLocation>>
        Known;
    for (const index::Root *R : Roots)
      Known.insert({R->Kind, R->Function, R->Table, R->Site});
    for (const index::Found<index::Root> &R : Stored->facts().roots())
      if (counts(R) && Known.insert({R.Fact->Kind, R.Fact->Function,
                                     R.Fact->Table, R.Fact->Site})
                           .second)
        Roots.push_back(R.Fact);
  }
  std::vector<const index::Root *> Registered;
  for (const index::Root *R : Roots) {
    if (R->Table.empty()) {
      Registered.push_back(R);
      continue;
    }
    for (const index::StoredCallable *S : storedCallables(R->Table)) {
      index::Root &Each = TableRoots.emplace_back(*R);
      Each.Table.clear();
      Each.Function = S->Function;
      Each.FunctionName = S->FunctionName;
      Each.Site = S->Site;
      Registered.push_back(&Each);
    }
  }
  Roots = std::move(Registered);
}

bool ProgramView::isLive(FunctionRef F) const {
  const std::vector<index::Function> &Functions = live().Functions;
  return !Functions.empty() && F >= Functions.data() &&
         F < Functions.data() + Functions.size();
}

FunctionRef ProgramView::definition(llvm::StringRef USR) const {
  if (USR.empty())
    return nullptr;
  return firstKnown<index::Function>(
      [&](const index::FactTable &T) { return T.definitions(USR); });
}

template <typename T, typename Lookup>
const T *ProgramView::firstKnown(Lookup Find) const {
  llvm::ArrayRef<index::Found<T>> Live = Find(LiveTable);
  if (!Live.empty())
    return Live.front().Fact;
  if (Stored)
    for (const index::Found<T> &F : Find(Stored->facts()))
      if (counts(F))
        return F.Fact;
  return nullptr;
}

template <typename T, typename Lookup, typename Visitor>
void ProgramView::forEachCounted(Lookup Find, Visitor Visit) const {
  for (const index::Found<T> &F : Find(LiveTable))
    Visit(F);
  if (Stored)
    for (const index::Found<T> &F : Find(Stored->facts()))
      if (counts(F))
        Visit(F);
}

template <typename T, typename Lookup>
llvm::SmallVector<InFunction<T>, 2> ProgramView::gather(Lookup Find) const {
  llvm::SmallVector<InFunction<T>, 2> Result;
  forEachCounted<T>(Find, [&](const index::Found<T> &F) {
    if (definition(F.In->USR) == F.In)
      Result.push_back({F.In, F.Fact});
  });
  return Result;
}

std::vector<const index::StoredCallable *>
ProgramView::storedCallables(llvm::StringRef Table) const {
  std::vector<const index::StoredCallable *> Result;
  std::set<std::pair<std::string, FileLocation>> Known;
  llvm::SmallVector<std::string, 4> Tables{Table.str()};
  llvm::StringSet<> Seen{Table};
  while (!Tables.empty()) {
    const std::string Next = Tables.pop_back_val();
    forEachCounted<index::StoredCallable>(
        [&](const index::FactTable &T) { return T.storedCallables(Next); },
        [&](const index::Found<index::StoredCallable> &F) {
          if (!F.Fact->FromTable.empty()) {
            if (Seen.insert(F.Fact->FromTable).second)
              Tables.push_back(F.Fact->FromTable);
          } else if (Known.insert({F.Fact->Function, F.Fact->Site}).second) {
            Result.push_back(F.Fact);
          }
        });
  }
  return Result;
}

llvm::SmallVector<FunctionRef, 2>
ProgramView::overriders(llvm::StringRef USR) const {
  llvm::SmallVector<FunctionRef, 2> Result;
  llvm::StringSet<> Seen;
  for (const InFunction<index::Function> &F : gather<index::Function>(
           [&](const index::FactTable &T) { return T.overriders(USR); }))
    if (Seen.insert(F.In->USR).second)
      Result.push_back(F.In);
  return Result;
}

llvm::SmallVector<InFunction<index::VariableWrite>, 2>
ProgramView::variableWrites(llvm::StringRef USR) const {
  return gather<index::VariableWrite>(
      [&](const index::FactTable &T) { return T.variableWrites(USR); });
}

llvm::SmallVector<InFunction<index::MemberWrite>, 2>
ProgramView::memberWrites(llvm::StringRef USR) const {
  return gather<index::MemberWrite>(
      [&](const index::FactTable &T) { return T.memberWrites(USR); });
}

llvm::SmallVector<InFunction<index::CapturedWrite>, 2>
ProgramView::capturedWrites(llvm::StringRef Local) const {
  return gather<index::CapturedWrite>(
      [&](const index::FactTable &T) { return T.capturedWrites(Local); });
}

llvm::SmallVector<InFunction<index::AccessUse>, 2>
ProgramView::accessUses(llvm::StringRef USR) const {
  return gather<index::AccessUse>(
      [&](const index::FactTable &T) { return T.accessUses(USR); });
}

llvm::SmallVector<InFunction<index::Creation>, 4> ProgramView::handOns() const {
  llvm::SmallVector<InFunction<index::Creation>, 4> Result;
  for (const InFunction<index::Creation> &C : gather<index::Creation>(
           [&](const index::FactTable &T) { return T.handOns(); }))
    Result.push_back(C);
  return Result;
}

llvm::SmallVector<InFunction<index::Call>, 2>
ProgramView::passingCalls(llvm::StringRef USR) const {
  return gather<index::Call>(
      [&](const index::FactTable &T) { return T.passingCalls(USR); });
}

InFunction<index::Creation> ProgramView::creation(llvm::StringRef Id) const {
  llvm::SmallVector<InFunction<index::Creation>, 2> Found =
      gather<index::Creation>(
          [&](const index::FactTable &T) { return T.creation(Id); });
  return Found.empty() ? InFunction<index::Creation>() : Found.front();
}

const index::Variable *ProgramView::variable(llvm::StringRef USR) const {
  return firstKnown<index::Variable>(
      [&](const index::FactTable &T) { return T.variables(USR); });
}

const index::Field *ProgramView::field(llvm::StringRef USR) const {
  return firstKnown<index::Field>(
      [&](const index::FactTable &T) { return T.fields(USR); });
}

const index::Class *ProgramView::classInfo(llvm::StringRef USR) const {
  return firstKnown<index::Class>(
      [&](const index::FactTable &T) { return T.classes(USR); });
}

bool ProgramView::isBorrowed(llvm::StringRef USR) const {
  auto Borrowed = [](const index::Found<index::Field> &F) {
    return F.Fact->Borrowed;
  };
  if (llvm::any_of(LiveTable.fields(USR), Borrowed))
    return true;
  return Stored && llvm::any_of(Stored->facts().fields(USR),
                                [&](const index::Found<index::Field> &F) {
                                  return counts(F) && Borrowed(F);
                                });
}

llvm::SmallVector<const index::Field *, 4>
ProgramView::fieldsOf(llvm::StringRef USR) const {
  llvm::SmallVector<const index::Field *, 4> Result;
  llvm::StringSet<> Seen;
  forEachCounted<index::Field>(
      [&](const index::FactTable &T) { return T.fieldsOfClass(USR); },
      [&](const index::Found<index::Field> &F) {
        if (Seen.insert(F.Fact->USR).second)
          Result.push_back(F.Fact);
      });
  return Result;
}

template <typename T, typename Claims>
bool ProgramView::liveComesFirst(llvm::ArrayRef<index::Found<T>> Known,
                                 bool LiveClaims, Claims Claimed) const {
  bool OthersClaim = false;
  for (const index::Found<T> &K : Known)
    OthersClaim |= counts(K) && Claimed(K);
  if (OthersClaim && !LiveClaims)
    return false;
  if (LiveClaims && !OthersClaim)
    return true;
  // Among the claimants, or among all when nobody claims it.
  for (const index::Found<T> &K : Known)
    if (counts(K) && (!OthersClaim || Claimed(K)) &&
        Stored->mainFile(K.Unit) < live().MainFile)
      return false;
  return true;
}

bool ProgramView::liveOwnsVariable(const index::Variable &V) const {
  return !Stored ||
         liveComesFirst(Stored->facts().variables(V.USR), V.Defined,
                        [](const index::Found<index::Variable> &K) {
                          return K.Fact->Defined;
                        });
}

bool ProgramView::liveOwnsClass(llvm::StringRef USR) const {
  if (!Stored)
    return true;
  llvm::ArrayRef<index::Found<index::Class>> Live = LiveTable.classes(USR);
  const bool Implemented = !Live.empty() && Live.front().Fact->Implemented;
  return liveComesFirst(Stored->facts().classes(USR), Implemented,
                        [](const index::Found<index::Class> &K) {
                          return K.Fact->Implemented;
                        });
}

bool ProgramView::liveOwnsFunction(const index::Function &F) const {
  return !Stored ||
         liveComesFirst(Stored->facts().definitions(F.USR),
                        F.Loc.File == live().MainFile,
                        [&](const index::Found<index::Function> &K) {
                          return K.Fact->Loc.File ==
                                 Stored->mainFile(K.Unit);
                        });
}

bool ProgramView::isBefore(const FileLocation &A, const FileLocation &B) const {
  return LiveOrder ? LiveOrder(A, B) : A < B;
}

} // namespace stateless

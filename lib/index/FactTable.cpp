//===--- FactTable.cpp - the facts of some units, looked up by USR ---------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "FactTable.h"
#include "Format.h"

#include "llvm/ADT/StringSet.h"
#include <array>
#include <mutex>
#include <type_traits>

namespace stateless {
namespace index {

struct FactTable::Tables {
  template <typename T>
  using Map = llvm::StringMap<llvm::SmallVector<Found<T>, 1>>;

  Map<Function> Definitions, Overriders;
  Map<VariableWrite> VariableWrites;
  Map<MemberWrite> MemberWrites;
  Map<CapturedWrite> CapturedWrites;
  Map<AccessUse> AccessUses;
  Map<StoredCallable> StoredCallables;
  Map<Creation> Creations, HandOns;
  Map<Variable> Variables;
  Map<Field> Fields, FieldsByClass;
  Map<Class> Classes;
  Map<Root> Roots;
  Map<Call> PassingCalls;

  template <typename T> Map<T> &map(Lookup Kind) {
    if constexpr (std::is_same_v<T, Function>)
      return Kind == Lookup::Definitions ? Definitions : Overriders;
    else if constexpr (std::is_same_v<T, VariableWrite>)
      return VariableWrites;
    else if constexpr (std::is_same_v<T, MemberWrite>)
      return MemberWrites;
    else if constexpr (std::is_same_v<T, CapturedWrite>)
      return CapturedWrites;
    else if constexpr (std::is_same_v<T, AccessUse>)
      return AccessUses;
    else if constexpr (std::is_same_v<T, StoredCallable>)
      return StoredCallables;
    else if constexpr (std::is_same_v<T, Creation>)
      return Kind == Lookup::Creations ? Creations : HandOns;
    else if constexpr (std::is_same_v<T, Variable>)
      return Variables;
    else if constexpr (std::is_same_v<T, Field>)
      return Kind == Lookup::Fields ? Fields : FieldsByClass;
    else if constexpr (std::is_same_v<T, Class>)
      return Classes;
    else if constexpr (std::is_same_v<T, Call>)
      return PassingCalls;
    else
      return Roots;
  }

  void add(unsigned U, const Unit &Facts) {
    visitFacts(Facts, [&](Lookup Kind, llvm::StringRef Key,
                          const Function *In, const auto *Fact) {
      using T = std::remove_cv_t<std::remove_pointer_t<decltype(Fact)>>;
      map<T>(Kind)[Key].push_back({U, In, Fact});
    });
  }

  /// Of a stored index: the units read so far (null: not yet, or not
  /// readable), and the keys whose units have all been read.
  std::mutex Lock;
  std::vector<std::unique_ptr<Unit>> Read;
  std::vector<bool> Tried;
  std::array<llvm::StringSet<>, LookupCount> Complete;

  const Unit *read(unsigned U, const StoredIndex &Stored) {
    if (U >= Tried.size())
      return nullptr;
    if (!Tried[U]) {
      Tried[U] = true;
      // Its files are looked at through the file table (ProjectIndex).
      if (std::optional<Unit> Loaded =
              Stored.readUnit(U, /*WithInputs=*/false)) {
        Read[U] = std::make_unique<Unit>(std::move(*Loaded));
        add(U, *Read[U]);
      }
    }
    return Read[U].get();
  }
};

FactTable::FactTable(const Index &Data)
    : Data(&Data), Maps(std::make_unique<Tables>()) {
  for (unsigned U = 0; U < Data.Units.size(); ++U)
    Maps->add(U, Data.Units[U]);
}

FactTable::FactTable(const StoredIndex &Stored)
    : Stored(&Stored), Maps(std::make_unique<Tables>()) {
  Maps->Read.resize(Stored.size());
  Maps->Tried.resize(Stored.size());
}

FactTable::~FactTable() = default;

template <typename T>
llvm::ArrayRef<Found<T>> FactTable::find(Lookup Kind,
                                         llvm::StringRef Key) const {
  std::unique_lock<std::mutex> Guard(Maps->Lock, std::defer_lock);
  if (Stored) {
    Guard.lock();
    if (Maps->Complete[size_t(Kind)].insert(Key).second)
      for (unsigned U : Stored->unitsWith(Kind, Key))
        Maps->read(U, *Stored);
  }
  const Tables::Map<T> &M = Maps->map<T>(Kind);
  auto It = M.find(Key);
  if (It == M.end())
    return {};
  return It->second;
}

// The lookups the header's accessors make.
template llvm::ArrayRef<Found<Function>>
FactTable::find<Function>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<Root>>
FactTable::find<Root>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<VariableWrite>>
FactTable::find<VariableWrite>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<MemberWrite>>
FactTable::find<MemberWrite>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<CapturedWrite>>
FactTable::find<CapturedWrite>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<AccessUse>>
FactTable::find<AccessUse>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<StoredCallable>>
FactTable::find<StoredCallable>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<Creation>>
FactTable::find<Creation>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<Variable>>
FactTable::find<Variable>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<Field>>
FactTable::find<Field>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<Class>>
FactTable::find<Class>(Lookup, llvm::StringRef) const;
template llvm::ArrayRef<Found<Call>>
FactTable::find<Call>(Lookup, llvm::StringRef) const;

std::optional<unsigned> FactTable::unitOf(llvm::StringRef MainFile) const {
  if (Stored)
    return Stored->unitOf(MainFile);
  for (unsigned U = 0; U < Data->Units.size(); ++U)
    if (Data->Units[U].MainFile == MainFile)
      return U;
  return std::nullopt;
}

const Unit *FactTable::unit(unsigned U) const {
  if (!Stored)
    return U < Data->Units.size() ? &Data->Units[U] : nullptr;
  std::lock_guard<std::mutex> Guard(Maps->Lock);
  return Maps->read(U, *Stored);
}

} // namespace index
} // namespace stateless

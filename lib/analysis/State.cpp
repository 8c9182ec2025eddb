//===--- State.cpp - pieces of state and the writes that change them -------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "State.h"
#include "ObjectChanges.h"
#include "SharedObjects.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringSet.h"
#include <map>
#include <set>

namespace stateless {
namespace {

// Accessors that return what other accessors return rarely nest deeper.
constexpr unsigned MaxAccessorDepth = 4;

GlobalState describe(const index::Variable &V, const ProgramView &View) {
  GlobalState G;
  G.Scope = V.Scope;
  G.ThreadLocal = V.ThreadLocal;
  G.Keyed = V.Keyed;
  G.CanHoldState = V.CanHoldState;
  const bool Local = V.Scope == VariableScope::StaticLocal ||
                     V.Scope == VariableScope::SharedLocal;
  G.DisplayName = Local ? V.Name : V.QualifiedName;
  G.Names = {V.Name, V.QualifiedName};
  G.TypeNames = V.TypeNames;
  G.TypeName = V.TypeName;
  G.Holds = V.Holds;
  G.Loc = V.Loc;
  G.DefinedInMainFile = V.Defined;
  G.Allowed = V.Allowed;
  if (V.Scope == VariableScope::SharedLocal)
    if (FunctionRef Declaring = View.definition(V.Function))
      G.SharedBy = Declaring->Name;
  return G;
}

/// An object made inline has no declaration to annotate or name.
GlobalState describe(const index::Creation &Made, const index::Function &By,
                     const ProgramView &View) {
  GlobalState G;
  G.Scope = VariableScope::SharedObject;
  G.Keyed = Made.Keyed;
  G.CanHoldState = Made.CanHoldState;
  G.DisplayName = Made.TypeName;
  G.TypeNames = Made.TypeNames;
  G.TypeName = Made.TypeName;
  G.Holds = Made.Holds;
  G.Loc = Made.Site;
  G.DefinedInMainFile = Made.Site.File == View.live().MainFile;
  G.MadeInline = true;
  G.SharedBy = By.Name;
  return G;
}

/// The writes outside start-up code to a variable or through a member:
/// their own, and for an accessor that hands out mutable access to them,
/// what its callers (and theirs, when they hand it on) write through what
/// it returns.
class StateWrites {
public:
  StateWrites(const HandlerModel &Handlers, ObjectChanges &Changes)
      : Handlers(Handlers), View(Handlers.view()), Changes(Changes) {}

  /// The writes to the variable \p USR.
  std::vector<Write> of(llvm::StringRef USR) const {
    std::vector<Write> Out;
    for (const InFunction<index::VariableWrite> &W : View.variableWrites(USR)) {
      if (!Handlers.runsAfterStartUp(W.In) || !Changes.happens(W.Fact->Via))
        continue;
      if (W.Fact->HandsOutAccess)
        throughAccessor(W.In->USR, 0, Out);
      else
        Out.push_back({W.In, W.Fact->Site});
    }
    return Out;
  }

  /// What callers of \p Accessor (and theirs, when they hand it on) write
  /// through what it returns, outside start-up code.
  void throughAccessor(llvm::StringRef Accessor, unsigned Depth,
                       std::vector<Write> &Out) const {
    if (Depth >= MaxAccessorDepth)
      return;
    for (const InFunction<index::AccessUse> &Use : View.accessUses(Accessor)) {
      if (!Handlers.runsAfterStartUp(Use.In) || !Changes.happens(Use.Fact->Via))
        continue;
      if (Use.Fact->HandedOn)
        throughAccessor(Use.In->USR, Depth + 1, Out);
      else
        Out.push_back({Use.In, Use.Fact->Site});
    }
  }

private:
  const HandlerModel &Handlers;
  const ProgramView &View;
  ObjectChanges &Changes;
};

/// The classes of long-lived handler objects and their bases, by USR: the
/// classes `this` points to in handlers, unless their objects are made per
/// request or connection.
llvm::StringSet<> longLivedClasses(const HandlerModel &Handlers) {
  const ProgramView &View = Handlers.view();
  llvm::StringSet<> LongLived;
  for (const index::Root *Root : View.roots()) {
    if (Root->Kind != RootKind::Handler)
      continue;
    FunctionRef F = View.definition(Root->Function);
    const index::Class *Class = F ? View.classInfo(F->ThisClass) : nullptr;
    if (!Class || Class->PerRequest || Handlers.isPerRequestClass(Class->USR))
      continue;
    LongLived.insert(Class->USR);
    for (const std::string &Base : Class->Bases)
      LongLived.insert(Base);
  }
  return LongLived;
}

/// Where a write to the member \p Field changes its object's state: any
/// write, except for a member that borrows its object, whose own value only.
FileLocation stateWrite(const index::Field &Field, const index::MemberWrite &W,
                        const ProgramView &View, ObjectChanges &Changes) {
  if (W.Object.isValid() && Changes.happens(W.ObjectVia))
    return W.Object;
  if (W.Pointee.isValid() && !View.isBorrowed(Field.USR) &&
      Changes.happens(W.PointeeVia))
    return W.Pointee;
  return {};
}

} // namespace

void orderWrites(std::vector<Write> &Writes, const ProgramView &View) {
  auto Others = std::stable_partition(
      Writes.begin(), Writes.end(),
      [&](const Write &W) { return View.isLive(W.In); });
  std::stable_sort(Writes.begin(), Others, [&](const Write &A, const Write &B) {
    return View.isBefore(A.Site, B.Site);
  });
  std::stable_sort(Others, Writes.end(), [](const Write &A, const Write &B) {
    return A.Site < B.Site;
  });
  std::set<std::pair<FunctionRef, FileLocation>> Seen;
  llvm::erase_if(Writes, [&](const Write &W) {
    return !Seen.insert({W.In, W.Site}).second;
  });
}

std::vector<GlobalState> findGlobalState(const HandlerModel &Handlers) {
  const ProgramView &View = Handlers.view();
  ObjectChanges Changes(View);
  const StateWrites Writes(Handlers, Changes);
  llvm::MapVector<std::string, GlobalState, std::map<std::string, unsigned>>
      ByKey;
  for (const index::Variable &V : View.live().Variables) {
    // Locals are state only when start-up code shares them (below); each
    // variable is reported by one unit of the project.
    if (V.Scope == VariableScope::SharedLocal || !View.liveOwnsVariable(V))
      continue;
    GlobalState G = describe(V, View);
    G.Writes = Writes.of(V.USR);
    if (!G.Writes.empty() || G.Allowed)
      ByKey.insert({V.USR, std::move(G)});
  }
  findSharedObjectWrites(Handlers, [&](const SharedObject &Object,
                                       FunctionRef In,
                                       const FileLocation &Site) {
    const std::string Key = Object.Local ? Object.Local->USR : Object.Made->id();
    auto [It, Inserted] = ByKey.insert({Key, GlobalState()});
    if (Inserted)
      It->second = Object.Local ? describe(*Object.Local, View)
                                : describe(*Object.Made, *Object.Owner, View);
    It->second.Writes.push_back({In, Site});
  });

  std::vector<GlobalState> Found;
  for (auto &Entry : ByKey) {
    orderWrites(Entry.second.Writes, View);
    Found.push_back(std::move(Entry.second));
  }
  llvm::stable_sort(Found, [&](const GlobalState &A, const GlobalState &B) {
    return View.isBefore(A.Loc, B.Loc);
  });
  return Found;
}

std::vector<MemberState>
findMemberState(const HandlerModel &Handlers,
                const std::vector<GlobalState> &Globals) {
  const ProgramView &View = Handlers.view();
  ObjectChanges Changes(View);
  const StateWrites Accessors(Handlers, Changes);
  const llvm::StringSet<> LongLived = longLivedClasses(Handlers);
  // Members of objects held by reported state are part of that finding.
  llvm::StringSet<> HeldByGlobals;
  for (const GlobalState &G : Globals)
    if (G.CanHoldState && !G.Writes.empty())
      for (const std::string &Class : G.Holds)
        HeldByGlobals.insert(Class);

  // Each member is reported by one unit of the project: the one that owns
  // its class, or a header an editor opens on its own for the classes it
  // defines.
  auto Owns = [&](const index::Class &Class) {
    return (!View.liveIsIndexed() && Class.Defined) ||
           View.liveOwnsClass(Class.USR);
  };
  llvm::MapVector<std::string, MemberState, std::map<std::string, unsigned>>
      ByField;
  for (const index::Class &Class : View.live().Classes) {
    if (!LongLived.contains(Class.USR) || !Owns(Class))
      continue;
    for (const index::Field *Field : View.fieldsOf(Class.USR)) {
      MemberState M;
      M.Field = Field;
      for (const InFunction<index::MemberWrite> &W :
           View.memberWrites(Field->USR)) {
        const FunctionRef In = W.In;
        FileLocation Site = stateWrite(*Field, *W.Fact, View, Changes);
        if (!Site.isValid() || In->IsStructor ||
            !LongLived.contains(In->ThisClass) || !Handlers.runsAfterStartUp(In))
          continue;
        // A getter handing out the pointee: what its callers write counts.
        if (Site == W.Fact->Pointee && W.Fact->PointeeHandedOut)
          Accessors.throughAccessor(In->USR, 0, M.Writes);
        else
          M.Writes.push_back({In, std::move(Site)});
      }
      // Annotations on the members of handler classes are checked whether
      // or not the members are written.
      if (M.Writes.empty() && !Field->Allowed)
        continue;
      orderWrites(M.Writes, View);
      M.Handler = M.Writes.empty() ? Field->Class : M.Writes.front().In->ThisClass;
      if (HeldByGlobals.contains(M.Handler) ||
          HeldByGlobals.contains(Field->Class))
        continue;
      ByField.insert({Field->USR, std::move(M)});
    }
  }
  std::vector<MemberState> Found;
  for (auto &Entry : ByField)
    Found.push_back(std::move(Entry.second));
  llvm::stable_sort(Found, [&](const MemberState &A, const MemberState &B) {
    return View.isBefore(A.Field->Loc, B.Field->Loc);
  });
  return Found;
}

} // namespace stateless

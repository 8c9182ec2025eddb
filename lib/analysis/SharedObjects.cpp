//===--- SharedObjects.cpp - start-up objects that request code shares -----===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "SharedObjects.h"
#include "ObjectChanges.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include <map>
#include <set>

namespace stateless {
namespace {

// Objects handed on from one constructor to the next (main -> listener ->
// session), or from one call to the next down to a constructor, rarely go
// deeper.
constexpr unsigned MaxHandOns = 8;

using ObjectSet = llvm::SetVector<std::string, std::vector<std::string>,
                                  std::set<std::string>>;

/// Which members refer to which objects of start-up code, found from the
/// objects handed to constructors that keep them, then on through those
/// members, to a fixed point. Objects are named by their facts' ids: a
/// local's USR, an object made inline's Creation::id().
class SharedLocals {
public:
  explicit SharedLocals(const HandlerModel &Handlers)
      : Handlers(Handlers), View(Handlers.view()), HandOns(View.handOns()) {
    for (unsigned Round = 0; Round < MaxHandOns; ++Round)
      if (!handOn())
        break;
  }

  /// A local of start-up code.
  bool isStartUpLocal(const index::Variable &V) const {
    if (V.Scope != VariableScope::SharedLocal)
      return false;
    FunctionRef Declaring = View.definition(V.Function);
    return Declaring && Handlers.isStartUpOnly(Declaring);
  }

  llvm::ArrayRef<std::string> pointedToBy(llvm::StringRef Field) const {
    // MapVector's iterator is a pointer in newer LLVM, a class in LLVM 16.
    auto Found = Members.find(Field.str()); // NOLINT(readability-qualified-auto)
    if (Found == Members.end())
      return {};
    return Found->second.getArrayRef();
  }

  /// The object \p Id names, when the live unit's start-up code declares
  /// or makes it: what start-up code shares is that unit's alone.
  std::optional<SharedObject> ofLiveUnit(llvm::StringRef Id) const {
    if (const index::Variable *Local = View.variable(Id)) {
      FunctionRef Owner = View.definition(Local->Function);
      if (!Owner || !View.isLive(Owner))
        return std::nullopt;
      return SharedObject{Local, nullptr, Owner};
    }
    InFunction<index::Creation> Made = View.creation(Id);
    if (!Made.Fact || !View.isLive(Made.In))
      return std::nullopt;
    return SharedObject{nullptr, Made.Fact, Made.In};
  }

  /// The members that refer to shared objects, by USR, with the objects.
  const auto &members() const { return Members; }

private:
  /// The start-up objects the argument \p A of function \p In hands on.
  llvm::SmallVector<std::string, 1> objectsIn(const index::Argument &A,
                                              FunctionRef In,
                                              unsigned Depth = 0) const {
    switch (A.Kind) {
    case ArgumentKind::Local:
      if (const index::Variable *Local = View.variable(A.Object))
        if (isStartUpLocal(*Local))
          return {A.Object};
      return {};
    case ArgumentKind::Made: {
      InFunction<index::Creation> Made = View.creation(A.Object);
      if (Made.Fact && Handlers.isStartUpOnly(Made.In))
        return {A.Object};
      return {};
    }
    case ArgumentKind::Member: {
      llvm::ArrayRef<std::string> Objects = pointedToBy(A.Object);
      return {Objects.begin(), Objects.end()};
    }
    case ArgumentKind::Parameter: {
      // What the function's callers pass there, up the calls.
      llvm::SmallVector<std::string, 1> Objects;
      if (Depth == MaxHandOns)
        return Objects;
      for (const InFunction<index::Call> &Call : View.passingCalls(In->USR))
        for (const index::Argument &Passed : Call.Fact->Arguments)
          if (Passed.Index == A.Parameter)
            llvm::append_range(Objects,
                               objectsIn(Passed, Call.In, Depth + 1));
      return Objects;
    }
    }
    return {};
  }

  bool handOn() {
    bool Changed = false;
    for (const InFunction<index::Creation> &Created : HandOns) {
      FunctionRef Constructor = View.definition(Created.Fact->Constructor);
      if (!Constructor)
        continue;
      for (const index::Kept &K : Constructor->Keeps)
        for (const index::Argument &A : Created.Fact->Arguments)
          if (A.Index == K.Parameter)
            for (const std::string &Object : objectsIn(A, Created.In))
              Changed |= Members[K.Field].insert(Object);
    }
    return Changed;
  }

  const HandlerModel &Handlers;
  const ProgramView &View;
  const llvm::SmallVector<InFunction<index::Creation>, 4> HandOns;
  /// In the order found, so that findings come out the same every time.
  llvm::MapVector<std::string, ObjectSet, std::map<std::string, unsigned>>
      Members;
};

/// Where a write through the member \p Field reaches what it refers to:
/// for a reference, any write; for a pointer or shared pointer, one
/// through it.
FileLocation throughMember(const index::Field &Field,
                           const index::MemberWrite &W,
                           ObjectChanges &Changes) {
  if (Field.IsReference && W.Object.isValid() && Changes.happens(W.ObjectVia))
    return W.Object;
  if (W.Pointee.isValid() && Changes.happens(W.PointeeVia))
    return W.Pointee;
  return {};
}

} // namespace

void findSharedObjectWrites(
    const HandlerModel &Handlers,
    llvm::function_ref<void(const SharedObject &, FunctionRef,
                            const FileLocation &)>
        Found) {
  const ProgramView &View = Handlers.view();
  const SharedLocals Shared(Handlers);
  ObjectChanges Changes(View);
  // Request code is what a handler reaches.
  auto FromRequests = [&](FunctionRef F) {
    return Handlers.pathTo(F).has_value();
  };
  for (const index::Variable &Local : View.live().Variables) {
    if (!Shared.isStartUpLocal(Local))
      continue;
    std::optional<SharedObject> Object = Shared.ofLiveUnit(Local.USR);
    if (!Object)
      continue;
    for (const InFunction<index::CapturedWrite> &W :
         View.capturedWrites(Local.USR))
      if (FromRequests(W.In) && Changes.happens(W.Fact->Via))
        Found(*Object, W.In, W.Fact->Site);
  }
  for (const auto &[Member, Objects] : Shared.members()) {
    const index::Field *Field = View.field(Member);
    if (!Field || !Field->RefersToObject)
      continue;
    for (const InFunction<index::MemberWrite> &W : View.memberWrites(Member)) {
      FileLocation Site = throughMember(*Field, *W.Fact, Changes);
      if (!Site.isValid() || !FromRequests(W.In))
        continue;
      for (const std::string &Id : Objects)
        if (std::optional<SharedObject> Object = Shared.ofLiveUnit(Id))
          Found(*Object, W.In, Site);
    }
  }
}

} // namespace stateless

//===--- RequestEffects.cpp - local files, timers and jobs of the instance -===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "RequestEffects.h"
#include "Effects.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <set>

namespace stateless {
namespace {

/// Whether timers and threads recur, judged over the program.
class ScheduledJobs {
public:
  explicit ScheduledJobs(const HandlerModel &Handlers)
      : Handlers(Handlers), View(Handlers.view()) {
    for (const index::Function &F : View.live().Functions)
      for (const index::Effect &E : F.Effects)
        if (E.Recurs == Recurrence::MakesSingleShot && !E.Object.empty())
          SingleShot.insert(E.Object);
  }

  /// Whether the effect \p E is a finding: none (a thread that does not
  /// loop, a deadline), a one-off job or a scheduled job.
  std::optional<EffectFinding> judge(const index::Effect &E,
                                     FunctionRef In) const {
    auto Finding = [&](bool Recurring, std::string Action) {
      return EffectFinding{&E, In, Recurring, std::move(Action)};
    };
    switch (E.Recurs) {
    case Recurrence::Once:
      return Finding(false, E.Action);
    case Recurrence::MakesSingleShot:
      return std::nullopt;
    case Recurrence::Repeats:
      return Finding(!SingleShot.contains(E.Object), E.Action);
    case Recurrence::IfRearmed: {
      llvm::SmallVector<FunctionRef, 2> Handler = callbacks(E);
      if (!E.Object.empty() && arms(reachedFrom(Handler, 3), E.Object))
        return Finding(true, "arms a timer that its completion handler arms "
                             "again");
      if (isConnectionDeadline(E.Object, Handler))
        return std::nullopt;
      return Finding(false, E.Action);
    }
    case Recurrence::SleepsInLoop:
      // A thread's loop is reported where the thread starts; start-up
      // code's own, in a program that serves requests.
      if (Handlers.isStartUpOnly(In) && Handlers.servesRequests())
        return Finding(true, E.Action);
      return std::nullopt;
    case Recurrence::IfLoops:
    case Recurrence::IfLoopsElseOnce:
      for (FunctionRef Entry : reachedFrom(callbacks(E), 1))
        if (Entry->LoopsWithSleep)
          return Finding(true, E.Action + " that loops with a sleep");
      if (E.Recurs == Recurrence::IfLoops)
        return std::nullopt;
      return Finding(false, E.Action);
    }
    return std::nullopt;
  }

private:
  llvm::SmallVector<FunctionRef, 2> callbacks(const index::Effect &E) const {
    llvm::SmallVector<FunctionRef, 2> Result;
    for (const std::string &USR : E.Callbacks)
      if (FunctionRef F = View.definition(USR))
        Result.push_back(F);
    return Result;
  }

  /// Code reached from \p From (a few calls deep), \p From included.
  llvm::SmallVector<FunctionRef, 8> reachedFrom(llvm::ArrayRef<FunctionRef> From,
                                               unsigned MaxCalls) const {
    llvm::SmallVector<FunctionRef, 8> Reached(From.begin(), From.end());
    llvm::SmallPtrSet<FunctionRef, 8> Seen(From.begin(), From.end());
    for (size_t Begin = 0, Calls = 0; Calls < MaxCalls; ++Calls) {
      const size_t End = Reached.size();
      for (size_t I = Begin; I < End; ++I)
        for (const index::Call &C : Reached[I]->Calls)
          if (FunctionRef Callee = View.definition(C.Callee))
            if (Seen.insert(Callee).second)
              Reached.push_back(Callee);
      Begin = End;
    }
    return Reached;
  }

  static bool arms(llvm::ArrayRef<FunctionRef> Code, llvm::StringRef Timer) {
    for (FunctionRef F : Code)
      for (const index::Effect &E : F->Effects)
        if (E.Object == Timer && E.Recurs == Recurrence::IfRearmed)
          return true;
    return false;
  }

  /// A timer of a per-connection object whose handler closes the
  /// connection: a deadline, not a job.
  bool isConnectionDeadline(llvm::StringRef Timer,
                            llvm::ArrayRef<FunctionRef> Handler) const {
    const index::Field *Field = Timer.empty() ? nullptr : View.field(Timer);
    if (!Field || !Handlers.isPerRequestClass(Field->Class))
      return false;
    return llvm::any_of(Handler,
                        [](FunctionRef F) { return F->ClosesConnection; });
  }

  const HandlerModel &Handlers;
  const ProgramView &View;
  /// Timer objects made single-shot anywhere in the unit.
  llvm::StringSet<> SingleShot;
};

/// What a write through a handle opened elsewhere writes, as its open
/// names it: a local database of a library (any handle of it), or the
/// stream a member or static variable keeps open. Empty: neither.
std::string storeWritten(const index::Effect &E) {
  llvm::StringRef Library = localDatabaseOf(E.Api);
  if (!Library.empty())
    return Library.str();
  return E.Object.empty() ? "" : "object " + E.Object;
}

/// The parameters (function USR, position) that request code hands SQL
/// that writes: given it directly, or passed on from a parameter that is.
std::set<std::pair<std::string, unsigned>>
writingSqlParameters(const HandlerModel &Handlers) {
  std::set<std::pair<std::string, unsigned>> Writing;
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (FunctionRef F : Handlers.handlerCode())
      for (const index::Call &C : F->Calls)
        for (const index::SqlArgument &A : C.SqlArguments)
          if (A.Writes ||
              (A.Parameter && Writing.count({F->USR, A.Parameter - 1})))
            Grew |= Writing.insert({C.Callee, A.Argument}).second;
  }
  return Writing;
}

/// The modes (the bits of every value) request code hands each parameter
/// (function USR, position) of integer type: given directly, or passed on
/// from a parameter that is.
std::map<std::pair<std::string, unsigned>, int64_t>
modesHanded(const HandlerModel &Handlers) {
  std::map<std::pair<std::string, unsigned>, int64_t> Modes;
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (FunctionRef F : Handlers.handlerCode())
      for (const index::Call &C : F->Calls)
        for (const index::ModeArgument &A : C.ModeArguments) {
          int64_t Value = A.Value;
          if (A.Parameter) {
            auto Passed = Modes.find({F->USR, A.Parameter - 1});
            Value = Passed == Modes.end() ? 0 : Passed->second;
          }
          int64_t &Known = Modes[{C.Callee, A.Argument}];
          Grew |= (Known | Value) != Known;
          Known |= Value;
        }
  }
  return Modes;
}

/// A write request code makes to a store, and the function making it.
struct StoreWrite {
  const index::Effect *Effect;
  FunctionRef In;
};

/// Of the writes to one store, the one to report with an open that fills
/// the handle \p Handle (empty: unknown): a write through that handle, else
/// one through a handle no open of \p Opened fills (a copy of one, a
/// local), which may be any.
const StoreWrite *writeOf(llvm::ArrayRef<StoreWrite> Writes,
                          llvm::StringRef Handle,
                          const llvm::StringSet<> &Opened) {
  if (Handle.empty())
    return Writes.empty() ? nullptr : &Writes.front();
  for (const StoreWrite &W : Writes)
    if (W.Effect->Object == Handle)
      return &W;
  for (const StoreWrite &W : Writes)
    if (!Opened.contains(W.Effect->Object))
      return &W;
  return nullptr;
}

/// Local files opened outside request code (at start-up, typically) that
/// request code writes through a shared handle: a database of a library, a
/// stream kept open. Reported where it is opened, with the first write that
/// handler code makes, in any unit; an open that fills a global or member
/// handle, with a write through that handle when the writes name theirs.
void findDatabasesWritten(const HandlerModel &Handlers,
                          const llvm::DenseSet<FunctionRef> &RequestCode,
                          std::vector<EffectFinding> &Found) {
  const ProgramView &View = Handlers.view();
  llvm::StringMap<std::vector<StoreWrite>> Written;
  std::optional<std::set<std::pair<std::string, unsigned>>> Handed;
  for (FunctionRef F : Handlers.handlerCode())
    for (const index::Effect &E : F->Effects) {
      if (E.Kind != EffectKind::DatabaseWrite)
        continue;
      if (E.SqlParameter) {
        if (!Handed)
          Handed = writingSqlParameters(Handlers);
        if (!Handed->count({F->USR, E.SqlParameter - 1}))
          continue;
      }
      Written[storeWritten(E)].push_back({&E, F});
    }
  Written.erase("");
  if (Written.empty())
    return;
  struct Open {
    const index::Effect *Effect;
    FunctionRef In;
    llvm::ArrayRef<StoreWrite> Writes; ///< to its store
    llvm::StringRef Handle;            ///< a database's, when it names one
  };
  std::vector<Open> Opens;
  llvm::StringSet<> Opened; // the handles the opens fill
  for (const index::Function &F : View.live().Functions) {
    if (F.Dependent || RequestCode.contains(&F) ||
        (F.Loc.File != View.live().MainFile && !View.liveOwnsFunction(F)))
      continue;
    for (const index::Effect &E : F.Effects) {
      auto Store = E.Kind == EffectKind::FileWrite && !E.ModeParameter
                       ? Written.find(storeWritten(E))
                       : Written.end();
      if (Store == Written.end())
        continue;
      llvm::StringRef Handle =
          localDatabaseOf(E.Api).empty() ? "" : llvm::StringRef(E.Object);
      Opens.push_back({&E, &F, Store->second, Handle});
      if (!Handle.empty())
        Opened.insert(Handle);
    }
  }
  for (const Open &O : Opens)
    if (const StoreWrite *W = writeOf(O.Writes, O.Handle, Opened))
      Found.push_back({O.Effect, O.In, false, O.Effect->Action, W->Effect,
                       W->In});
}

void sortBySite(std::vector<EffectFinding> &Found, const ProgramView &View) {
  llvm::stable_sort(Found, [&](const EffectFinding &A, const EffectFinding &B) {
    return View.isBefore(A.Effect->Site, B.Effect->Site);
  });
}

} // namespace

std::vector<EffectFinding> findEffects(const HandlerModel &Handlers,
                                       EffectKind Kind, bool AllCode) {
  const ProgramView &View = Handlers.view();
  // The code to report from: what handlers reach in this unit or, with
  // AllCode, everything but start-up code.
  std::vector<FunctionRef> Code;
  for (FunctionRef F : Handlers.handlerCode())
    if (View.isLive(F))
      Code.push_back(F);
  if (AllCode)
    for (const index::Function &F : View.live().Functions)
      if (!F.Dependent && Handlers.runsAfterStartUp(&F))
        Code.push_back(&F);
  const llvm::DenseSet<FunctionRef> InCode(Code.begin(), Code.end());
  // Scheduled jobs are reported wherever they are armed, start-up included.
  if (Kind == EffectKind::Timer)
    for (const index::Function &F : View.live().Functions)
      if (!F.Dependent && !InCode.contains(&F))
        Code.push_back(&F);
  const ScheduledJobs Jobs(Handlers);

  std::vector<EffectFinding> Found;
  std::optional<std::map<std::pair<std::string, unsigned>, int64_t>> Modes;
  // An open whose mode its function is given writes when request code
  // gives it a mode that does.
  auto Writes = [&](const index::Effect &E, FunctionRef F) {
    if (!E.ModeParameter)
      return true;
    if (!Modes)
      Modes = modesHanded(Handlers);
    auto Given = Modes->find({F->USR, E.ModeParameter - 1});
    return Given != Modes->end() && (Given->second & E.ModeBits) != 0;
  };
  if (Kind == EffectKind::FileWrite)
    findDatabasesWritten(Handlers, InCode, Found);
  for (FunctionRef F : Code) {
    // An effect in a header's function is reported by one unit.
    if (F->Loc.File != View.live().MainFile && !View.liveOwnsFunction(*F))
      continue;
    for (const index::Effect &E : F->Effects) {
      if (E.Kind != Kind || !Writes(E, F))
        continue;
      std::optional<EffectFinding> Verdict =
          Kind == EffectKind::Timer ? Jobs.judge(E, F)
                                    : EffectFinding{&E, F, false, E.Action};
      if (Verdict && (Verdict->Recurring || InCode.contains(F)))
        Found.push_back(std::move(*Verdict));
    }
  }
  sortBySite(Found, View);
  // One finding per site (template instantiations share theirs) and per
  // timer or thread object (armed again and again).
  std::set<FileLocation> Sites;
  llvm::StringSet<> Objects;
  llvm::erase_if(Found, [&](const EffectFinding &F) {
    return !Sites.insert(F.Effect->Site).second ||
           (!F.Effect->Object.empty() &&
            !Objects.insert(F.Effect->Object).second);
  });
  return Found;
}

std::vector<EffectFinding> findSessionStores(const HandlerModel &Handlers) {
  const ProgramView &View = Handlers.view();
  std::vector<EffectFinding> Found;
  std::set<FileLocation> Sites;
  for (const index::Function &F : View.live().Functions) {
    if (F.Dependent || F.Loc.File != View.live().MainFile)
      continue;
    for (const index::Effect &E : F.Effects)
      if (E.Kind == EffectKind::SessionStore && Sites.insert(E.Site).second)
        Found.push_back({&E, &F, false, E.Action});
  }
  sortBySite(Found, View);
  return Found;
}

} // namespace stateless

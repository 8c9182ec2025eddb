//===--- HandlerModel.cpp - which code serves requests, and by which path --===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "HandlerModel.h"
#include "Compat.h"

#include <deque>

namespace stateless {
namespace {

/// How notes name a function known by its qualified name (empty for a
/// lambda).
std::string describeName(llvm::StringRef Name) {
  return Name.empty() ? "a lambda" : "'" + Name.str() + "'";
}

/// A handler by its route, then its function ("handler 'POST /login'
/// ('shop::login')"), or by its function alone.
std::string describeHandler(const index::Root &R) {
  if (!R.Route.empty())
    return "handler '" + R.Route + "' (" + describeName(R.FunctionName) + ")";
  return R.FunctionName.empty() ? "a handler lambda"
                                : "handler " + describeName(R.FunctionName);
}

std::string describeRoot(const index::Root &R) {
  std::string Handler = describeHandler(R);
  switch (R.Why) {
  case HandlerReason::Registered:
    return "reached from " + Handler + " registered here with '" + R.Via + "'";
  case HandlerReason::RouteTable:
    return "reached from " + Handler + " assigned here to '" + R.Via + "'";
  case HandlerReason::Override:
    return "reached from " + Handler + ", a method of a subclass of '" + R.Via +
           "'";
  case HandlerReason::Annotated:
    return "reached from " + Handler + ", marked STATELESS_HANDLER";
  case HandlerReason::Option:
    return "reached from " + Handler + ", named by the HandlerFunctions option";
  case HandlerReason::RequestLoop:
    return "reached from " + Handler +
           ", run here by a loop that serves what '" + R.Via + "' waits for";
  }
  return "";
}

std::string describeCall(const index::Call &C) {
  switch (C.Kind) {
  case CallKind::Lambda:
    return "via the lambda created here";
  case CallKind::Construct:
    return "via the constructor of '" + C.CalleeName + "' called here";
  case CallKind::PassedOn:
    return "via " + describeName(C.CalleeName) + " passed on here";
  case CallKind::Stored:
    return "via a callable stored in '" + C.CalleeName + "', called here";
  case CallKind::Call:
    break;
  }
  return "via call to " + describeName(C.CalleeName);
}

} // namespace

std::string describeFunction(const index::Function &F) {
  return describeName(F.Name);
}

HandlerModel::HandlerModel(const ProgramView &View) : View(View) {
  std::vector<Seed> StartUp, Handlers, Threads;
  bool HasMain = false;
  for (const index::Root *R : View.roots()) {
    FunctionRef F = View.definition(R->Function);
    switch (R->Kind) {
    case RootKind::StartUp:
      StartUp.push_back({F, 0});
      HasMain = HasMain || (F && F->Name == "main");
      break;
    case RootKind::Thread:
      // A thread that runs a server is the server's: what it does before
      // it serves is start-up, what it serves is found from its handlers.
      (F && runsServer(F) ? StartUp : Threads).push_back({F, 0});
      break;
    case RootKind::Handler:
      llvm::append_range(Handlers, seedsOf(HandlerRoots.size(), R->Function));
      HandlerRoots.push_back(R);
      break;
    }
  }
  // Which code runs is known for a whole service: its main() and handlers.
  WholeProgram = HasMain && !HandlerRoots.empty() && View.isWholeProgram();
  explore(FromStartUp, nullptr, StartUp);
  explore(FromHandlers, &HandlerCode, Handlers);
  explore(FromThreads, nullptr, Threads);
  for (FunctionRef F : HandlerCode)
    for (const index::Creation &Created : F->Creates)
      MadeByRequests.insert(Created.Class);
  for (const auto &Reached : FromStartUp)
    if (isStartUpOnly(Reached.first))
      for (const index::Creation &Created : Reached.first->Creates)
        MadeAtStartUp.insert(Created.Class);
}

bool HandlerModel::isPerRequestClass(llvm::StringRef USR) const {
  // An object start-up code makes serves requests for as long as the
  // instance runs, whatever requests make besides.
  if (MadeByRequests.contains(USR) && !MadeAtStartUp.contains(USR))
    return true;
  const index::Class *Class = View.classInfo(USR);
  return Class && Class->PerRequest;
}

llvm::ArrayRef<FunctionRef>
HandlerModel::overridesOf(llvm::StringRef USR) const {
  // Each search from the roots asks again, of every call it follows.
  auto [Known, New] = Overrides.try_emplace(USR);
  if (!New)
    return Known->second;
  llvm::SmallVector<FunctionRef, 2> &Found = Known->second;
  llvm::SmallVector<std::string, 4> Work{USR.str()};
  llvm::StringSet<> Seen{USR};
  while (!Work.empty()) {
    const std::string Method = Work.pop_back_val();
    for (FunctionRef Override : View.overriders(Method))
      if (Seen.insert(Override->USR).second) {
        Found.push_back(Override);
        Work.push_back(Override->USR);
      }
  }
  return Found;
}

bool HandlerModel::runsServer(FunctionRef Entry) const {
  Reach Reached;
  explore(Reached, nullptr, {Seed{Entry, 0}});
  return llvm::any_of(Reached, [](const auto &Step) {
    return Step.first->RunsServer;
  });
}

std::vector<HandlerModel::Seed>
HandlerModel::seedsOf(size_t Root, llvm::StringRef USR) const {
  std::vector<Seed> Seeds{{View.definition(USR), Root}};
  // A virtual method serves requests in each of its overrides.
  for (FunctionRef Override : overridesOf(USR))
    Seeds.push_back({Override, Root});
  return Seeds;
}

void HandlerModel::explore(Reach &Reached, std::vector<FunctionRef> *Order,
                           llvm::ArrayRef<Seed> Seeds) const {
  std::deque<FunctionRef> Queue;
  auto Visit = [&](FunctionRef F, Step How) {
    if (!F || !Reached.try_emplace(F, How).second)
      return;
    Queue.push_back(F);
    if (Order)
      Order->push_back(F);
  };
  for (const Seed &S : Seeds)
    Visit(S.Function, Step{nullptr, nullptr, S.Root, false});
  while (!Queue.empty()) {
    FunctionRef Current = Queue.front();
    Queue.pop_front();
    for (const index::Call &C : Current->Calls) {
      if (C.Kind != CallKind::Stored)
        Visit(View.definition(C.Callee), Step{Current, &C, 0, false});
      else
        for (const index::StoredCallable *S : View.storedCallables(C.Callee))
          Visit(View.definition(S->Function), Step{Current, &C, 0, false});
    }
    // A virtual call may run an override in any unit.
    for (const index::Call &C : Current->Calls)
      for (FunctionRef Override : overridesOf(C.Callee))
        Visit(Override, Step{Current, &C, 0, true});
  }
}

std::optional<HandlerPath> HandlerModel::pathTo(FunctionRef F) const {
  return pathIn(FromHandlers, F);
}

std::optional<HandlerPath> HandlerModel::pathIn(const Reach &Reached,
                                                FunctionRef F) const {
  auto It = Reached.find(F);
  if (It == Reached.end())
    return std::nullopt;
  HandlerPath Path;
  FunctionRef Current = F;
  while (It->second.From) {
    Path.Calls.push_back({Current, It->second.Site, It->second.Dispatched});
    Current = It->second.From;
    It = Reached.find(Current);
  }
  Path.Root = HandlerRoots[It->second.Root];
  std::reverse(Path.Calls.begin(), Path.Calls.end());
  return Path;
}

std::vector<HandlerPath>
HandlerModel::pathsFromEachHandler(llvm::ArrayRef<FunctionRef> Targets) const {
  if (FromEachHandler.empty()) {
    FromEachHandler.resize(HandlerRoots.size());
    for (size_t I = 0; I < HandlerRoots.size(); ++I)
      explore(FromEachHandler[I], nullptr,
              seedsOf(I, HandlerRoots[I]->Function));
  }
  std::vector<HandlerPath> Paths;
  for (const Reach &Reached : FromEachHandler) {
    std::optional<HandlerPath> Nearest;
    for (FunctionRef Target : Targets)
      if (std::optional<HandlerPath> Path = pathIn(Reached, Target))
        if (!Nearest || Path->Calls.size() < Nearest->Calls.size())
          Nearest = std::move(Path);
    if (Nearest)
      Paths.push_back(std::move(*Nearest));
  }
  return Paths;
}

bool HandlerModel::isStartUpOnly(FunctionRef F) const {
  return containsKey(FromStartUp, F) && !containsKey(FromHandlers, F) &&
         !containsKey(FromThreads, F);
}

bool HandlerModel::runsAfterStartUp(FunctionRef F) const {
  if (WholeProgram)
    return containsKey(FromHandlers, F) || containsKey(FromThreads, F);
  return !isStartUpOnly(F);
}

std::vector<Note> HandlerModel::describe(const HandlerPath &Path) const {
  std::vector<Note> Notes;
  Notes.push_back({Path.Root->Site, describeRoot(*Path.Root)});
  for (const PathStep &Step : Path.Calls) {
    Note N{Step.Site->Site, describeCall(*Step.Site)};
    if (Step.Dispatched)
      N.Message += ", which " + describeFunction(*Step.Callee) + " overrides";
    Notes.push_back(std::move(N));
  }
  return Notes;
}

} // namespace stateless

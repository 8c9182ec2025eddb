//===--- HandlerModel.cpp - which code serves requests, and by which path --===//

#include "HandlerModel.h"
#include "Compat.h"
#include "KnownTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSet.h"
#include <deque>

using namespace clang;

namespace stateless {
namespace {

/// How notes name a function known by its qualified name (empty for a
/// lambda).
std::string describeName(llvm::StringRef Name) {
  return Name.empty() ? "a lambda" : "'" + Name.str() + "'";
}

std::string describeRoot(llvm::StringRef FunctionName, index::HandlerReason Why,
                         llvm::StringRef Via) {
  std::string Handler = FunctionName.empty()
                            ? "a handler lambda"
                            : "handler " + describeName(FunctionName);
  switch (Why) {
  case index::HandlerReason::Registered:
    return "reached from " + Handler + " registered here with '" + Via.str() +
           "'";
  case index::HandlerReason::RouteTable:
    return "reached from " + Handler + " assigned here to '" + Via.str() + "'";
  case index::HandlerReason::Override:
    return "reached from " + Handler + ", a method of a subclass of '" +
           Via.str() + "'";
  case index::HandlerReason::Annotated:
    return "reached from " + Handler + ", marked STATELESS_HANDLER";
  case index::HandlerReason::Option:
    return "reached from " + Handler + ", named by the HandlerFunctions option";
  }
  return "";
}

std::string describeCall(index::CallKind Kind, llvm::StringRef CalleeName) {
  switch (Kind) {
  case index::CallKind::Lambda:
    return "via the lambda created here";
  case index::CallKind::Construct:
    return "via the constructor of '" + CalleeName.str() + "' called here";
  case index::CallKind::PassedOn:
    return "via " + describeName(CalleeName) + " passed on here";
  case index::CallKind::Call:
    break;
  }
  return "via call to " + describeName(CalleeName);
}

} // namespace

std::string describeFunction(const FunctionDecl &F) {
  return describeName(functionName(F));
}

std::string describeFunction(FunctionNode F) {
  if (const auto *Live = dyn_cast<const FunctionDecl *>(F))
    return describeFunction(*Live);
  return describeName(cast<const index::Function *>(F)->Name);
}

index::CallKind callKind(const CallEdge &Edge) {
  if (isa<LambdaExpr>(Edge.Site))
    return index::CallKind::Lambda;
  if (isa<CXXConstructExpr>(Edge.Site))
    return index::CallKind::Construct;
  if (isa<DeclRefExpr>(Edge.Site))
    return index::CallKind::PassedOn;
  return index::CallKind::Call;
}

std::string calleeName(const CallEdge &Edge) {
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Edge.Callee))
    return qualifiedName(*Constructor->getParent());
  return functionName(*Edge.Callee);
}

HandlerModel::HandlerModel(CodeFacts &Facts, Project *Remote)
    : Facts(Facts), Remote(Remote) {
  // Walking code can find more roots (routes registered in a helper that
  // main() calls, a thread a handler starts): explore until none appear.
  // The other units' roots join in the first round, after this unit's.
  size_t StartUp = 0, Threads = 0, Handlers = 0;
  bool RemoteRootsAdded = Remote == nullptr;
  while (StartUp < Facts.startUpRoots().size() ||
         Threads < Facts.threadRoots().size() ||
         Handlers < Facts.handlerRoots().size() || !RemoteRootsAdded) {
    std::vector<Seed> StartUpSeeds, HandlerSeeds, ThreadSeeds;
    for (; StartUp < Facts.startUpRoots().size(); ++StartUp)
      StartUpSeeds.push_back({nodeOf(Facts.startUpRoots()[StartUp]), 0});
    for (; Handlers < Facts.handlerRoots().size(); ++Handlers) {
      HandlerSeeds.push_back({nodeOf(Facts.handlerRoots()[Handlers].Function),
                              HandlerRoots.size()});
      HandlerRoots.push_back({false, Handlers});
    }
    for (; Threads < Facts.threadRoots().size(); ++Threads)
      ThreadSeeds.push_back({nodeOf(Facts.threadRoots()[Threads].Callee), 0});
    if (!RemoteRootsAdded) {
      llvm::ArrayRef<const index::Root *> Roots = Remote->View.roots();
      for (size_t I = 0; I < Roots.size(); ++I) {
        FunctionNode F = resolve(Roots[I]->Function);
        switch (Roots[I]->Kind) {
        case index::RootKind::StartUp:
          StartUpSeeds.push_back({F, 0});
          break;
        case index::RootKind::Thread:
          ThreadSeeds.push_back({F, 0});
          break;
        case index::RootKind::Handler:
          HandlerSeeds.push_back({F, HandlerRoots.size()});
          HandlerRoots.push_back({true, I});
          break;
        }
      }
      RemoteRootsAdded = true;
    }
    explore(FromStartUp, nullptr, StartUpSeeds);
    explore(FromHandlers, &HandlerCode, HandlerSeeds);
    explore(FromThreads, nullptr, ThreadSeeds);
  }

  for (FunctionNode F : HandlerCode) {
    if (const auto *Other = dyn_cast<const index::Function *>(F)) {
      for (const std::string &Created : Other->Creates)
        MadeByRequestsUsrs.insert(Created);
      continue;
    }
    if (const FunctionFacts *Known = Facts.factsOf(cast<const FunctionDecl *>(F)))
      for (const Creation &Created : Known->Creates) {
        const CXXRecordDecl *Class = Created.Class->getCanonicalDecl();
        MadeByRequests.insert(Class);
        if (Remote)
          MadeByRequestsUsrs.insert(Remote->Usrs.of(Class));
      }
  }
}

bool HandlerModel::isPerRequestClass(const CXXRecordDecl &Class) const {
  const CXXRecordDecl *Canonical = Class.getCanonicalDecl();
  return MadeByRequests.contains(Canonical) ||
         FrameworkTables::isPerRequestClass(Class) ||
         (Remote && MadeByRequestsUsrs.contains(Remote->Usrs.of(Canonical)));
}

bool HandlerModel::isPerRequestClass(llvm::StringRef USR) const {
  return MadeByRequestsUsrs.contains(USR);
}

void HandlerModel::nameLiveFunctions() const {
  const std::vector<const FunctionDecl *> &Walked = Facts.walkedFunctions();
  for (; LiveNamed < Walked.size(); ++LiveNamed) {
    const FunctionDecl *F = Walked[LiveNamed];
    LiveByUsr.try_emplace(Remote->Usrs.of(F), F);
    if (const auto *Method = dyn_cast<CXXMethodDecl>(F))
      for (const CXXMethodDecl *Overridden : Method->overridden_methods())
        LiveOverriders[Remote->Usrs.of(Overridden)].push_back(F);
  }
}

FunctionNode HandlerModel::resolve(llvm::StringRef USR) const {
  if (!Remote || USR.empty())
    return nullptr;
  nameLiveFunctions();
  if (const FunctionDecl *Live = LiveByUsr.lookup(USR))
    return Live;
  return Remote->View.definition(USR);
}

llvm::SmallVector<FunctionNode, 2>
HandlerModel::overridesOf(llvm::StringRef USR) const {
  llvm::SmallVector<FunctionNode, 2> Found;
  if (!Remote)
    return Found;
  nameLiveFunctions();
  llvm::SmallVector<std::string, 4> Work{USR.str()};
  llvm::StringSet<> Seen{USR};
  while (!Work.empty()) {
    std::string Method = Work.pop_back_val();
    auto Add = [&](llvm::StringRef Override) {
      if (!Seen.insert(Override).second)
        return;
      Found.push_back(resolve(Override));
      Work.push_back(Override.str());
    };
    for (const FunctionDecl *Live : LiveOverriders.lookup(Method))
      Add(Remote->Usrs.of(Live));
    for (const index::Function *Other : Remote->View.overriders(Method))
      Add(Other->USR);
  }
  return Found;
}

FunctionNode HandlerModel::nodeOf(const FunctionDecl *F) const {
  if (const FunctionDecl *Definition = definitionOf(F))
    return Definition;
  return Remote ? resolve(Remote->Usrs.of(F)) : nullptr;
}

void HandlerModel::explore(Reach &Reached, std::vector<FunctionNode> *Order,
                           llvm::ArrayRef<Seed> Seeds) const {
  std::deque<FunctionNode> Queue;
  auto Visit = [&](FunctionNode F, Step How) {
    if (!F || !Reached.try_emplace(F, How).second)
      return;
    Queue.push_back(F);
    if (Order)
      Order->push_back(F);
  };
  for (const Seed &S : Seeds)
    Visit(S.Function, Step{nullptr, {}, nullptr, S.Root});
  while (!Queue.empty()) {
    FunctionNode Current = Queue.front();
    Queue.pop_front();
    if (const auto *Live = dyn_cast<const FunctionDecl *>(Current)) {
      const FunctionFacts *Known = Facts.factsOf(Live);
      if (!Known)
        continue;
      for (const CallEdge &Edge : Known->Callees)
        Visit(Edge.Callee, Step{Current, Edge, nullptr, 0});
      if (!Remote)
        continue;
      for (const CallEdge &Edge : Known->ExternalCallees)
        Visit(resolve(Remote->Usrs.of(Edge.Callee)),
              Step{Current, Edge, nullptr, 0});
      // A virtual call may run an override in any unit.
      for (const std::vector<CallEdge> *Edges :
           {&Known->Callees, &Known->ExternalCallees})
        for (const CallEdge &Edge : *Edges)
          if (const auto *Method = dyn_cast<CXXMethodDecl>(Edge.Callee))
            if (Method->isVirtual())
              for (FunctionNode Override :
                   overridesOf(Remote->Usrs.of(Method)))
                Visit(Override, Step{Current, Edge, nullptr, 0, true});
    } else {
      for (const index::Call &C : cast<const index::Function *>(Current)->Calls) {
        Visit(resolve(C.Callee), Step{Current, {}, &C, 0});
        for (FunctionNode Override : overridesOf(C.Callee))
          Visit(Override, Step{Current, {}, &C, 0, true});
      }
    }
  }
}

RootRef HandlerModel::root(size_t Id) const {
  const RootId &R = HandlerRoots[Id];
  if (R.Remote)
    return Remote->View.roots()[R.Position];
  return &Facts.handlerRoots()[R.Position];
}

std::optional<HandlerPath> HandlerModel::pathTo(FunctionNode F) const {
  return pathIn(FromHandlers, F);
}

std::optional<HandlerPath> HandlerModel::pathIn(const Reach &Reached,
                                                FunctionNode F) const {
  FunctionNode Current = F;
  if (const auto *Live = dyn_cast_if_present<const FunctionDecl *>(F))
    Current = definitionOf(Live);
  auto It = Reached.find(Current);
  if (It == Reached.end())
    return std::nullopt;
  HandlerPath Path;
  while (It->second.From) {
    Path.Calls.push_back({Current, It->second.Edge, It->second.RemoteSite,
                          It->second.Dispatched});
    Current = It->second.From;
    It = Reached.find(Current);
  }
  Path.Root = root(It->second.Root);
  std::reverse(Path.Calls.begin(), Path.Calls.end());
  return Path;
}

std::vector<HandlerPath>
HandlerModel::pathsFromEachHandler(llvm::ArrayRef<FunctionNode> Targets) const {
  if (FromEachHandler.empty()) {
    // The constructor has walked all handler code: this finds no new roots.
    FromEachHandler.resize(HandlerRoots.size());
    for (size_t I = 0; I < HandlerRoots.size(); ++I) {
      const RootId &R = HandlerRoots[I];
      FunctionNode F =
          R.Remote ? resolve(Remote->View.roots()[R.Position]->Function)
                   : nodeOf(Facts.handlerRoots()[R.Position].Function);
      explore(FromEachHandler[I], nullptr, {Seed{F, I}});
    }
  }
  std::vector<HandlerPath> Paths;
  for (const Reach &Reached : FromEachHandler) {
    std::optional<HandlerPath> Nearest;
    for (FunctionNode Target : Targets)
      if (std::optional<HandlerPath> Path = pathIn(Reached, Target))
        if (!Nearest || Path->Calls.size() < Nearest->Calls.size())
          Nearest = std::move(Path);
    if (Nearest)
      Paths.push_back(std::move(*Nearest));
  }
  return Paths;
}

bool HandlerModel::isStartUpOnly(FunctionNode F) const {
  if (const auto *Live = dyn_cast_if_present<const FunctionDecl *>(F))
    F = definitionOf(Live);
  return containsKey(FromStartUp, F) && !containsKey(FromHandlers, F) &&
         !containsKey(FromThreads, F);
}

std::vector<Note> HandlerModel::describe(const HandlerPath &Path) const {
  std::vector<Note> Notes;
  if (const auto *Live = dyn_cast<const HandlerRoot *>(Path.Root)) {
    // Registrations and calls are shown at the name of what they call.
    SourceLocation RootLoc = Live->Function->getLocation();
    if (const auto *Site = dyn_cast_or_null<Expr>(Live->Site))
      RootLoc = Site->getExprLoc();
    Notes.push_back({RootLoc, {},
                     describeRoot(functionName(*Live->Function),
                                  index::HandlerReason(Live->Why), Live->Via)});
  } else {
    const auto *Other = cast<const index::Root *>(Path.Root);
    Notes.push_back({{}, Other->Site,
                     describeRoot(Other->FunctionName, Other->Why, Other->Via)});
  }
  for (const PathStep &Step : Path.Calls) {
    Note N;
    if (Step.RemoteSite) {
      N = {{}, Step.RemoteSite->Site,
           describeCall(Step.RemoteSite->Kind, Step.RemoteSite->CalleeName)};
    } else {
      N = {Step.Edge.Site->getExprLoc(), {},
           describeCall(callKind(Step.Edge), calleeName(Step.Edge))};
    }
    if (Step.Dispatched) {
      const auto *Live = dyn_cast<const FunctionDecl *>(Step.Callee);
      N.Message += ", which " +
                   (Live ? describeFunction(*Live)
                         : describeName(
                               cast<const index::Function *>(Step.Callee)->Name)) +
                   " overrides";
    }
    Notes.push_back(std::move(N));
  }
  return Notes;
}

} // namespace stateless

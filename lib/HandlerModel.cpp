//===--- HandlerModel.cpp - which code serves requests, and by which path --===//

#include "HandlerModel.h"
#include "Compat.h"
#include "KnownTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include <deque>

using namespace clang;

namespace stateless {
namespace {

bool isLambda(const FunctionDecl &F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&F);
  return Method && Method->getParent()->isLambda();
}

std::string describeRoot(const HandlerRoot &Root) {
  const FunctionDecl &F = *Root.Function;
  std::string Handler = isLambda(F) ? "a handler lambda"
                                    : "handler " + describeFunction(F);
  switch (Root.Why) {
  case HandlerRoot::Reason::Registered:
    return "reached from " + Handler + " registered here with '" + Root.Via + "'";
  case HandlerRoot::Reason::RouteTable:
    return "reached from " + Handler + " assigned here to '" + Root.Via + "'";
  case HandlerRoot::Reason::Override:
    return "reached from " + Handler + ", a method of a subclass of '" +
           Root.Via + "'";
  case HandlerRoot::Reason::Annotated:
    return "reached from " + Handler + ", marked STATELESS_HANDLER";
  case HandlerRoot::Reason::Option:
    return "reached from " + Handler + ", named by the HandlerFunctions option";
  }
  return "";
}

std::string describeCall(const CallEdge &Edge) {
  if (isa<LambdaExpr>(Edge.Site))
    return "via the lambda created here";
  if (isa<CXXConstructExpr>(Edge.Site))
    return "via the constructor of '" +
           qualifiedName(*cast<CXXConstructorDecl>(Edge.Callee)->getParent()) +
           "' called here";
  if (isa<DeclRefExpr>(Edge.Site))
    return "via " + describeFunction(*Edge.Callee) + " passed on here";
  return "via call to " + describeFunction(*Edge.Callee);
}

} // namespace

std::string describeFunction(const FunctionDecl &F) {
  if (isLambda(F))
    return "a lambda";
  return "'" + qualifiedName(F) + "'";
}

HandlerModel::HandlerModel(CodeFacts &Facts) : Facts(Facts) {
  // Walking code can find more roots (routes registered in a helper that
  // main() calls, a thread a handler starts): explore until none appear.
  size_t StartUp = 0, Threads = 0, Handlers = 0;
  while (StartUp < Facts.startUpRoots().size() ||
         Threads < Facts.threadRoots().size() ||
         Handlers < Facts.handlerRoots().size()) {
    explore(FromStartUp, nullptr, StartUp,
            [&](size_t I) { return Facts.startUpRoots()[I]; },
            [&] { return Facts.startUpRoots().size(); });
    explore(FromHandlers, &HandlerCode, Handlers,
            [&](size_t I) { return Facts.handlerRoots()[I].Function; },
            [&] { return Facts.handlerRoots().size(); });
    explore(FromThreads, nullptr, Threads,
            [&](size_t I) { return Facts.threadRoots()[I].Callee; },
            [&] { return Facts.threadRoots().size(); });
  }
}

void HandlerModel::explore(
    llvm::DenseMap<const FunctionDecl *, Step> &Reached,
    std::vector<const FunctionDecl *> *Order, size_t &NextRoot,
    llvm::function_ref<const FunctionDecl *(size_t)> Root,
    llvm::function_ref<size_t()> RootCount) {
  std::deque<const FunctionDecl *> Queue;
  auto Visit = [&](const FunctionDecl *F, Step How) {
    if (!F || !Reached.try_emplace(F, How).second)
      return;
    Queue.push_back(F);
    if (Order)
      Order->push_back(F);
  };
  for (; NextRoot < RootCount(); ++NextRoot)
    Visit(definitionOf(Root(NextRoot)), Step{nullptr, nullptr, NextRoot});
  while (!Queue.empty()) {
    const FunctionDecl *Current = Queue.front();
    Queue.pop_front();
    if (const FunctionFacts *Known = Facts.factsOf(Current))
      for (const CallEdge &Edge : Known->Callees)
        Visit(Edge.Callee, Step{Current, Edge.Site, 0});
  }
}

std::optional<HandlerPath>
HandlerModel::pathTo(const FunctionDecl *F) const {
  const FunctionDecl *Current = definitionOf(F);
  auto It = FromHandlers.find(Current);
  if (It == FromHandlers.end())
    return std::nullopt;
  HandlerPath Path;
  while (It->second.From) {
    Path.Calls.push_back({Current, It->second.Site});
    Current = It->second.From;
    It = FromHandlers.find(Current);
  }
  Path.Root = &Facts.handlerRoots()[It->second.Root];
  std::reverse(Path.Calls.begin(), Path.Calls.end());
  return Path;
}

bool HandlerModel::isStartUpOnly(const FunctionDecl *F) const {
  F = definitionOf(F);
  return containsKey(FromStartUp, F) && !containsKey(FromHandlers, F) &&
         !containsKey(FromThreads, F);
}

std::vector<Note> HandlerModel::describe(const HandlerPath &Path) const {
  const HandlerRoot &Root = *Path.Root;
  // Registrations and calls are shown at the name of what they call.
  SourceLocation RootLoc = Root.Function->getLocation();
  if (const auto *Site = dyn_cast_or_null<Expr>(Root.Site))
    RootLoc = Site->getExprLoc();
  std::vector<Note> Notes{{RootLoc, describeRoot(Root)}};
  for (const CallEdge &Edge : Path.Calls)
    Notes.push_back({Edge.Site->getExprLoc(), describeCall(Edge)});
  return Notes;
}

} // namespace stateless

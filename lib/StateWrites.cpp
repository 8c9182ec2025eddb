//===--- StateWrites.cpp - where code changes a piece of state -------------===//

#include "StateWrites.h"

using namespace clang;

namespace stateless {
namespace {

// Accessors that return what other accessors return rarely nest deeper.
constexpr unsigned MaxAccessorDepth = 4;

} // namespace

std::vector<Write> StateWrites::of(const Expr &Ref, const Stmt &Root,
                                   const FunctionDecl &F) {
  std::vector<Write> Out;
  collect(Ref, Root, F, 0, Out);
  return Out;
}

void StateWrites::collect(const Expr &Ref, const Stmt &Root,
                          const FunctionDecl &F, unsigned Depth,
                          std::vector<Write> &Out) {
  WriteFinder &Finder = Finders.forRoot(Root);
  const Stmt *Site = Finder.findWrite(Ref);
  if (!Site)
    return;
  if (!Finder.handsOutAccess(*Site)) {
    Out.push_back(Write{Site, &F, {}});
    return;
  }
  // F returns mutable access: what its callers do with it counts.
  if (Depth >= MaxAccessorDepth)
    return;
  for (const Call &C : callsTo(F))
    if (const Stmt *Body = C.Caller->getBody())
      collect(*C.Site, *Body, *C.Caller, Depth + 1, Out);
}

const std::vector<StateWrites::Call> &
StateWrites::callsTo(const FunctionDecl &F) {
  if (!Callers) {
    Callers.emplace();
    const std::vector<const FunctionDecl *> Functions = Facts.walkedFunctions();
    for (const FunctionDecl *Caller : Functions) {
      if (Handlers.isStartUpOnly(Caller))
        continue;
      for (const CallEdge &Edge : Facts.factsOf(Caller)->Callees)
        if (const auto *Site = dyn_cast_or_null<CallExpr>(Edge.Site))
          (*Callers)[Edge.Callee].push_back({Caller, Site});
    }
  }
  static const std::vector<Call> None;
  auto Found = Callers->find(definitionOf(&F));
  return Found == Callers->end() ? None : Found->second;
}

} // namespace stateless

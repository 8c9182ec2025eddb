//===--- StateWrites.h - where code changes a piece of state ---------------===//
//
// The writes to the object a reference denotes: the one WriteFinder finds at
// the reference or, when the reference only hands out mutable access (an
// accessor returning a reference or pointer to a function-local static),
// the writes its callers make through what it returns.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_STATEWRITES_H
#define STATELESS_LIB_STATEWRITES_H

#include "CodeFacts.h"
#include "GlobalState.h"
#include "HandlerModel.h"
#include "WriteFinder.h"

#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <vector>

namespace stateless {

class StateWrites {
public:
  StateWrites(CodeFacts &Facts, const HandlerModel &Handlers,
              WriteFinders &Finders)
      : Facts(Facts), Handlers(Handlers), Finders(Finders) {}

  /// The writes, outside start-up code, to what \p Ref denotes; \p Root is
  /// the code of \p F the reference is in.
  std::vector<Write> of(const clang::Expr &Ref, const clang::Stmt &Root,
                        const clang::FunctionDecl &F);

private:
  struct Call {
    const clang::FunctionDecl *Caller;
    const clang::CallExpr *Site;
  };
  void collect(const clang::Expr &Ref, const clang::Stmt &Root,
               const clang::FunctionDecl &F, unsigned Depth,
               std::vector<Write> &Out);
  const std::vector<Call> &callsTo(const clang::FunctionDecl &F);

  CodeFacts &Facts;
  const HandlerModel &Handlers;
  WriteFinders &Finders;
  /// Calls outside start-up code, by callee; built on first use.
  std::optional<llvm::DenseMap<const clang::FunctionDecl *, std::vector<Call>>>
      Callers;
};

} // namespace stateless

#endif

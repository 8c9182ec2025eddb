//===--- TranslationUnitAnalysis.h - the analysis the checks share ---------===//
//
// Everything the checks need about one translation unit, computed once and
// shared by all of them: the code facts, the handler model and the state
// held in variables with static storage. Freed when the last check of the
// unit lets go of it.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_TRANSLATIONUNITANALYSIS_H
#define STATELESS_LIB_TRANSLATIONUNITANALYSIS_H

#include "CodeFacts.h"
#include "Frameworks.h"
#include "GlobalState.h"
#include "HandlerModel.h"
#include "MemberState.h"

#include <memory>
#include <optional>
#include <string>

namespace stateless {

class TranslationUnitAnalysis {
public:
  /// The analysis of the unit \p Context belongs to, for these handler
  /// options (\p OptionsKey identifies them), computed on first use. Callers
  /// keep the pointer until the end of the unit.
  static std::shared_ptr<TranslationUnitAnalysis>
  get(clang::ASTContext &Context, const HandlerOptions &Options,
      const std::string &OptionsKey);

  TranslationUnitAnalysis(clang::ASTContext &Context, HandlerOptions Options);

  CodeFacts &facts() { return Facts; }
  const HandlerModel &handlers() const { return Handlers; }
  /// Computed on first use: only the declaration checks need it.
  const GlobalStateAnalysis &globalState();
  /// Computed on first use: only stateless-handler-member-state needs it.
  const MemberStateAnalysis &memberState();

private:
  FrameworkTables Frameworks;
  CodeFacts Facts;
  HandlerModel Handlers;
  WriteFinders Finders;
  std::optional<GlobalStateAnalysis> Globals;
  std::optional<MemberStateAnalysis> Members;
};

} // namespace stateless

#endif

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
  /// options (\p OptionsKey identifies them) and this project index (none
  /// when \p IndexPath is empty), computed on first use. Callers keep the
  /// pointer until the end of the unit.
  static std::shared_ptr<TranslationUnitAnalysis>
  get(clang::ASTContext &Context, const HandlerOptions &Options,
      const std::string &OptionsKey, const std::string &IndexPath);

  TranslationUnitAnalysis(clang::ASTContext &Context, HandlerOptions Options,
                          const std::string &IndexPath);

  CodeFacts &facts() { return Facts; }
  const HandlerModel &handlers() const { return Handlers; }
  /// Computed on first use: only the declaration checks need it.
  const GlobalStateAnalysis &globalState();
  /// Computed on first use: only stateless-handler-member-state needs it.
  const MemberStateAnalysis &memberState();
  /// The project beyond this unit, when its index was read.
  const Project *project() const { return Remote.get(); }
  /// Why the project index was not used, or only in part; empty when it
  /// was (or none was asked for). Returned once: the first check to ask
  /// reports it for all.
  std::string takeIndexProblem() { return std::move(IndexProblem); }

private:
  static std::unique_ptr<Project> openProject(clang::ASTContext &Context,
                                              const std::string &IndexPath,
                                              std::string &Problem);

  FrameworkTables Frameworks;
  CodeFacts Facts;
  std::string IndexProblem;
  std::unique_ptr<Project> Remote;
  HandlerModel Handlers;
  WriteFinders Finders;
  std::optional<GlobalStateAnalysis> Globals;
  std::optional<MemberStateAnalysis> Members;
};

} // namespace stateless

#endif

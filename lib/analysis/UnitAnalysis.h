//===--- UnitAnalysis.h - the analysis of the unit being checked -----------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// What every check of a translation unit shares, computed once: the unit's
// AST summarised into its facts (the same summary the project index holds
// for every unit), laid over the project index when there is one, the
// handler model over that view and the state it finds. Freed when the last
// check of the unit lets go of it.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_ANALYSIS_UNITANALYSIS_H
#define STATELESS_ANALYSIS_UNITANALYSIS_H

#include "Findings.h"
#include "Frameworks.h"
#include "HandlerModel.h"
#include "ProgramView.h"
#include "State.h"

#include "clang/AST/ASTContext.h"
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace stateless {

/// A unit as the checks analysed it, for the editor (stateless-clangd keeps
/// the project index current with these): its facts, the files it was
/// built from, the main file's contents as analysed (the editor's buffer,
/// saved or not) and the index the checks used for it (empty: none found).
struct AnalysedUnit {
  const index::Unit &Facts;
  std::vector<std::string> InputPaths;
  llvm::StringRef MainFileContents;
  llvm::StringRef IndexPath;
};

/// Called with every unit analysed from now on, on the thread analysing it.
/// Set once, before the first unit.
void setAnalysedUnitListener(
    std::function<void(const AnalysedUnit &)> Listener);

class UnitAnalysis {
public:
  /// The analysis of the unit \p Context belongs to, for these handler
  /// options (\p OptionsKey identifies them) and this project index (none
  /// when \p IndexPath is empty), computed on first use. Callers keep the
  /// pointer until the end of the unit.
  static std::shared_ptr<UnitAnalysis> get(clang::ASTContext &Context,
                                           const HandlerOptions &Options,
                                           const std::string &OptionsKey,
                                           const std::string &IndexPath);

  UnitAnalysis(clang::ASTContext &Context, HandlerOptions Options,
               const std::string &IndexPath);
  /// A unit of \p Index analysed from its stored facts, as the checks
  /// analyse it from its AST (no parse: stateless-index --findings).
  UnitAnalysis(const index::Unit &Stored,
               std::shared_ptr<const ProjectIndex> Index);
  /// Writes the findings kept for export, if any.
  ~UnitAnalysis();
  UnitAnalysis(const UnitAnalysis &) = delete;
  UnitAnalysis &operator=(const UnitAnalysis &) = delete;

  const ProgramView &view() const { return *View; }
  const HandlerModel &handlers() const { return *Handlers; }

  /// What check \p C reports with \p Options.
  std::vector<Finding> findings(Check C, const ReportOptions &Options);

  /// Keeps \p Found for the JSON file of the unit's findings, written into
  /// \p Directory when the last check is done with the unit.
  void exportFindings(const std::string &Directory,
                      llvm::ArrayRef<Finding> Found);

  /// Why the project index was not used, or only in part; empty when it
  /// was (or none was asked for). Returned once: the first check to ask
  /// reports it for all.
  std::string takeIndexProblem() { return std::move(IndexProblem); }

private:
  std::shared_ptr<const ProjectIndex> openIndex(const std::string &IndexPath);

  std::string IndexProblem;
  std::unique_ptr<ProgramView> View;
  std::unique_ptr<HandlerModel> Handlers;
  std::optional<std::vector<GlobalState>> Globals;
  std::optional<std::vector<MemberState>> Members;
  /// Identifies the options and index the unit is analysed with.
  std::string OptionsKey;
  std::string ExportDirectory;
  std::vector<Finding> Exported;
};

} // namespace stateless

#endif

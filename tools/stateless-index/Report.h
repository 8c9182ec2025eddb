//===--- Report.h - the checks' findings from the project index -----------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// stateless-index --findings: once the units are indexed, each unit's
// findings are computed from its stored facts and the rest of the index,
// as the checks compute them from its AST (UnitAnalysis), so that CI parses
// every unit once. They are filtered and printed as clang-tidy would: the
// checks and options of the unit's .clang-tidy files, the header filter,
// NOLINT comments, WarningsAsErrors, --export-fixes YAML.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_TOOLS_REPORT_H
#define STATELESS_TOOLS_REPORT_H

#include "ProjectIndex.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>
#include <string>

namespace stateless {

struct ReportSettings {
  /// As clang-tidy's command-line options of the same names: on top of
  /// what the .clang-tidy files say.
  std::optional<std::string> Checks, HeaderFilter, WarningsAsErrors;
  /// As clang-tidy's --config: the configuration in place of the
  /// .clang-tidy files (over them with InheritParentConfig: true).
  std::optional<std::string> Config;
  /// clang-tidy's --export-fixes: the diagnostics as YAML, for
  /// stateless-sarif.py and the report.
  std::string ExportFixes;
  /// As the ExportFindings option: each unit's findings as JSON, for
  /// stateless-report (the state inventory).
  std::string ExportFindings;
  /// The build directory, which --export-fixes records.
  std::string BuildDirectory;
  /// --baseline: an index of the code before the change (a pull request's
  /// base). Only the findings it does not have are shown and count as
  /// errors; --export-fixes records every finding with its BaselineState.
  std::shared_ptr<const ProjectIndex> Baseline;
};

/// Prints the findings of the units \p MainFiles of \p Index to \p OS;
/// returns the exit status clang-tidy would (1 when a finding is an error
/// by WarningsAsErrors, or an export could not be written).
int reportFindings(const std::shared_ptr<const ProjectIndex> &Index,
                   llvm::ArrayRef<std::string> MainFiles,
                   const ReportSettings &Settings, llvm::raw_ostream &OS);

} // namespace stateless

#endif

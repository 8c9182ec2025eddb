//===--- Configuration.h - the options of the stateless-* checks -----------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// One reader of the options for every tool that needs them: the checks (from
// clang-tidy's OptionsView) and stateless-index (from the .clang-tidy files
// that apply to each unit), so that both see the same configuration.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_ANALYSIS_CONFIGURATION_H
#define STATELESS_ANALYSIS_CONFIGURATION_H

#include "Findings.h"
#include "Frameworks.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stateless {

/// An option as the configuration sets it: its value and its key, the
/// check's own ("stateless-mutable-global.AllowedNames") or the global one.
struct Setting {
  std::string Value;
  std::string Key;
};

/// Finds the option \p Name of a check: under the check's own key or,
/// unless \p LocalOnly, the global one; none when it is not set.
using OptionLookup =
    llvm::function_ref<std::optional<Setting>(llvm::StringRef Name,
                                              bool LocalOnly)>;

struct CheckConfiguration {
  HandlerOptions Handlers;
  ReportOptions Report;
  /// The ProjectIndex option: a path, "none", or empty to look for one.
  std::string ProjectIndex;
  /// The ExportFindings option: a directory to write the findings of each
  /// unit into as JSON, for tools; empty for none.
  std::string ExportFindings;
  /// Every option with the value it is used with, as written, for
  /// clang-tidy's --dump-config.
  std::vector<std::pair<std::string, std::string>> Written;
};

/// Reads the options of check \p C. A malformed value is described in
/// \p Problems (naming its key) and leaves the option at its default.
CheckConfiguration readConfiguration(Check C, OptionLookup Lookup,
                                     std::vector<std::string> &Problems);

/// The handler options of every check together, for facts that serve them
/// all (the project index): a function one check's options name is a root.
/// \p Lookup finds an option of the check its first argument names.
HandlerOptions allHandlerOptions(
    llvm::function_ref<std::optional<Setting>(Check, llvm::StringRef Name)>
        Lookup,
    std::vector<std::string> &Problems);

} // namespace stateless

#endif

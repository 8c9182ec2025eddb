//===--- TidyOptions.h - a check's option, as clang-tidy hands it over ---===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_TOOLS_TIDYOPTIONS_H
#define STATELESS_TOOLS_TIDYOPTIONS_H

#include "Configuration.h"

#include "clang-tidy/ClangTidyOptions.h"
#include <optional>
#include <string>

namespace stateless {

/// The option \p Name of check \p C in \p Options, as clang-tidy's
/// OptionsView reads it: the check's own (`stateless-x.Name`), else, unless
/// \p LocalOnly, the global one (`Name`).
inline std::optional<Setting>
checkOption(const clang::tidy::ClangTidyOptions &Options, Check C,
            llvm::StringRef Name, bool LocalOnly) {
  const std::string Own = (checkName(C) + "." + Name).str();
  for (const std::string &Key : {Own, Name.str()}) {
    if (auto It = Options.CheckOptions.find(Key);
        It != Options.CheckOptions.end())
      return Setting{It->second.Value, Key};
    if (LocalOnly)
      break;
  }
  return std::nullopt;
}

} // namespace stateless

#endif

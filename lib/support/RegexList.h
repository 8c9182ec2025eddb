//===--- RegexList.h - semicolon-separated regular expression options ------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_REGEXLIST_H
#define STATELESS_LIB_REGEXLIST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <string>
#include <vector>

namespace stateless {

/// A list of regular expressions, each matched against a whole name. Copies
/// share the compiled expressions.
class RegexList {
public:
  /// Parses "re1;re2;..." (blank entries are skipped). On a malformed entry,
  /// or a non-empty source without any, returns an empty list and sets
  /// \p Error to what is wrong.
  static RegexList parse(llvm::StringRef Source, std::string &Error);

  bool matchesAny(llvm::ArrayRef<std::string> Names) const;
  bool empty() const { return !Patterns || Patterns->empty(); }

private:
  std::shared_ptr<const std::vector<llvm::Regex>> Patterns;
};

} // namespace stateless

#endif

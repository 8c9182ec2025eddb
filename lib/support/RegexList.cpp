//===--- RegexList.cpp - semicolon-separated regular expression options ----===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "RegexList.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace stateless {

RegexList RegexList::parse(llvm::StringRef Source, std::string &Error) {
  std::vector<llvm::Regex> Patterns;
  llvm::SmallVector<llvm::StringRef, 8> Entries;
  Source.split(Entries, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    llvm::Regex Pattern(("^(" + Entry + ")$").str());
    std::string Reason;
    if (!Pattern.isValid(Reason)) {
      Error = ("invalid regular expression '" + Entry + "': " + Reason).str();
      return RegexList();
    }
    Patterns.push_back(std::move(Pattern));
  }
  // Separators or blanks alone are a mistake, not a deliberate empty list.
  if (Patterns.empty() && !Source.empty()) {
    Error = ("empty list of regular expressions '" + Source + "'").str();
    return RegexList();
  }
  RegexList List;
  List.Patterns = std::make_shared<const std::vector<llvm::Regex>>(std::move(Patterns));
  return List;
}

bool RegexList::matchesAny(llvm::ArrayRef<std::string> Names) const {
  if (empty())
    return false;
  for (const llvm::Regex &Pattern : *Patterns)
    for (const std::string &Name : Names)
      if (Pattern.match(Name))
        return true;
  return false;
}

} // namespace stateless

//===--- RegexList.cpp - semicolon-separated regular expression options ----===//

#include "RegexList.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace stateless {

RegexList RegexList::parse(llvm::StringRef Source, std::string &Error) {
  RegexList List;
  llvm::SmallVector<llvm::StringRef, 8> Entries;
  Source.split(Entries, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    llvm::Regex Pattern(("^(" + Entry + ")$").str());
    std::string Reason;
    if (!Pattern.isValid(Reason)) {
      Error = ("'" + Entry + "': " + Reason).str();
      return RegexList();
    }
    List.Patterns.push_back(std::move(Pattern));
  }
  return List;
}

bool RegexList::matchesAny(llvm::ArrayRef<std::string> Names) const {
  for (const llvm::Regex &Pattern : Patterns)
    for (const std::string &Name : Names)
      if (Pattern.match(Name))
        return true;
  return false;
}

} // namespace stateless

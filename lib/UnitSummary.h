//===--- UnitSummary.h - one unit's facts as the project index keeps them --===//
//
// Turns the analysis of a translation unit into its entry of the project
// index (IndexData.h): declarations become USRs, source locations become
// absolute file:line:column, and writes are looked for in every function the
// unit defines, since which of them serve requests is only known once all
// units are joined.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_UNITSUMMARY_H
#define STATELESS_LIB_UNITSUMMARY_H

#include "CodeFacts.h"
#include "IndexData.h"
#include "WriteFinder.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"
#include <string>

namespace stateless {

/// USRs of declarations, computed once each. A lambda's call operator is
/// named by where the lambda is written, which is the same in every unit.
class UsrCache {
public:
  explicit UsrCache(const clang::SourceManager &SM) : SM(SM) {}
  UsrCache(const UsrCache &) = delete; // the saver points into Memory
  UsrCache &operator=(const UsrCache &) = delete;
  /// Empty for declarations clang gives no USR.
  llvm::StringRef of(const clang::Decl *D);

private:
  const clang::SourceManager &SM;
  llvm::BumpPtrAllocator Memory;
  llvm::StringSaver Saver{Memory};
  llvm::DenseMap<const clang::Decl *, llvm::StringRef> Known;
};

/// The main file's absolute path, as the index names units.
std::string mainFilePath(const clang::SourceManager &SM);

/// \p Loc as the index stores it (the file location of a macro expansion).
FileLocation toFileLocation(clang::SourceLocation Loc,
                            const clang::SourceManager &SM);

/// The index entry of the unit \p Facts describes. \p Command identifies
/// the compile command it was built with.
index::Unit summarizeUnit(CodeFacts &Facts, WriteFinders &Finders,
                         llvm::StringRef Command);

} // namespace stateless

#endif

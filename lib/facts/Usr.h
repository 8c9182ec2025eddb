//===--- Usr.h - how the facts name declarations and places ----------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Declarations become USRs and source locations absolute file:line:column,
// the same in every unit that sees them, so that the facts of units join.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_FACTS_USR_H
#define STATELESS_FACTS_USR_H

#include "Facts.h"

#include "clang/AST/DeclBase.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"
#include <string>

namespace stateless {

/// Source locations as the facts store them, the path of each file worked
/// out once.
class Places {
public:
  explicit Places(const clang::SourceManager &SM) : SM(SM) {}
  /// \p Loc as the facts store it (the file location of a macro
  /// expansion); invalid for a location in no file.
  FileLocation of(clang::SourceLocation Loc);
  const clang::SourceManager &sourceManager() const { return SM; }

private:
  const clang::SourceManager &SM;
  llvm::DenseMap<clang::FileID, std::string> Paths;
};

/// USRs of declarations, computed once each. A lambda's call operator is
/// named by where the lambda is written, which is the same in every unit.
class UsrCache {
public:
  explicit UsrCache(Places &Where) : Where(Where) {}
  UsrCache(const UsrCache &) = delete; // the saver points into Memory
  UsrCache &operator=(const UsrCache &) = delete;
  /// Empty for declarations clang gives no USR.
  llvm::StringRef of(const clang::Decl *D);

private:
  Places &Where;
  llvm::BumpPtrAllocator Memory;
  llvm::StringSaver Saver{Memory};
  llvm::DenseMap<const clang::Decl *, llvm::StringRef> Known;
};

/// The main file's absolute path, as the facts name units.
std::string mainFilePath(const clang::SourceManager &SM);

/// \p Where as a location of \p SM: in a file of the unit or, with
/// \p OpenFiles, in any file of the project (the source manager opens it);
/// invalid when the file is not there.
clang::SourceLocation toSourceLocation(const FileLocation &Where,
                                       clang::SourceManager &SM,
                                       bool OpenFiles);

} // namespace stateless

#endif

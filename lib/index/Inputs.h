//===--- Inputs.h - whether the files a unit was built from changed --------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Freshness is decided here and only here: a unit's facts are used while
// every file it was built from is as it was when it was indexed.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_INDEX_INPUTS_H
#define STATELESS_INDEX_INPUTS_H

#include "Facts.h"

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace stateless {
namespace index {

/// \p Path made absolute, without . and .. components (left as it is when
/// there is no current directory).
std::string absolutePath(llvm::StringRef Path);

/// The file \p Path as it is on disk now, without (statInput) or with
/// (readInput) the hash of its contents; none when it cannot be read.
std::optional<InputFile> statInput(llvm::StringRef Path);
std::optional<InputFile> readInput(llvm::StringRef Path);

/// True when \p Recorded still describes the file on disk: the same size,
/// and the same modification time or, when only that differs (a fresh
/// checkout, a shard from a build cache), the same contents.
bool isCurrent(const InputFile &Recorded);

/// What adoptLocalFiles found.
struct LocalFiles {
  unsigned Missing = 0; ///< units left out
  unsigned Changed = 0; ///< units whose files differ here
  std::string Example;  ///< a file that does not exist here
};

/// Makes the units' input files describe the files here: each file with the
/// size and contents a unit was indexed with (on another machine, or taken
/// from a build cache) gets its modification time here, so that the unit is
/// current. Units that name files which do not exist here (deleted since,
/// or paths not mapped) are left out: the checks would refuse the index.
LocalFiles adoptLocalFiles(Index &I);

} // namespace index
} // namespace stateless

#endif

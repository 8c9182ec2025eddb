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

/// The hash of \p Text's code: its characters but whitespace and comments,
/// each run of them with the line and column it starts at. An edit of
/// comments or whitespace that moves no code keeps it (as it keeps every
/// place the facts name); string and character literals are code.
uint64_t codeHash(llvm::StringRef Text);

enum class Freshness {
  Same,     ///< the same file
  SameCode, ///< other comments or whitespace, the code in the same places
  Changed,  ///< another file, or none
};

/// How the file on disk is to \p Recorded: the same when it has the same
/// size and modification time or, when only the time differs (a fresh
/// checkout, a shard from a build cache), the same contents.
Freshness freshness(const InputFile &Recorded);

/// True when the facts of \p Recorded's file hold for the file on disk:
/// it is the same, or has the same code (freshness()).
bool isCurrent(const InputFile &Recorded);

/// What adoptLocalFiles found.
struct LocalFiles {
  unsigned Missing = 0; ///< units left out
  unsigned Changed = 0; ///< units whose files differ here
  std::string Example;  ///< a file that does not exist here
};

/// Makes the units' input files describe the files here: each file with the
/// size and contents (or code) a unit was indexed with (on another machine,
/// or taken from a build cache) is recorded as it is here, so that the unit
/// is current. Units that name files which do not exist here (deleted since,
/// or paths not mapped) are left out: the checks would refuse the index.
LocalFiles adoptLocalFiles(Index &I);

} // namespace index
} // namespace stateless

#endif

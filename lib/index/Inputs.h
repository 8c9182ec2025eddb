//===--- Inputs.h - whether the files a unit was built from changed --------===//
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

/// The file \p Path as it is on disk now, without (statInput) or with
/// (readInput) the hash of its contents; none when it cannot be read.
std::optional<InputFile> statInput(llvm::StringRef Path);
std::optional<InputFile> readInput(llvm::StringRef Path);

/// True when \p Recorded still describes the file on disk: the same size,
/// and the same modification time or, when only that differs (a fresh
/// checkout, a shard from a build cache), the same contents.
bool isCurrent(const InputFile &Recorded);

} // namespace index
} // namespace stateless

#endif

//===--- IndexKeeper.h - the editor keeps the project index current -------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// clangd has no hook for what stateless-clangd adds, so it sits between the
// editor and clangd's LSP stream, in the same process:
//
// - each unit the checks analyse hands its facts over (no second parse);
//   once the file is saved as analysed, they replace the unit's facts in the
//   project index;
// - the first unit the checks analyse in a project, and every save of a
//   file they did not analyse (a header), run stateless-index in the
//   background, at low priority, with `$/progress` in the editor: it builds
//   the index the checks read (when there is none) and re-parses only the
//   units whose files changed (the includers of a saved header), those of
//   the open files first, most recently opened first;
// - when the index changes, the other open files are diagnosed again
//   (clangd's `forceRebuild`), so that their cross-file findings follow.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_TOOLS_INDEXKEEPER_H
#define STATELESS_TOOLS_INDEXKEEPER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <optional>
#include <string>

namespace stateless {

struct IndexKeeperOptions {
  /// stateless-index, run in the background.
  std::string IndexTool;
  /// clangd's --compile-commands-dir, when given.
  std::optional<std::string> DatabaseDirectory;
};

/// Runs \p Server (clangd reading LSP on stdin, answering on stdout) with
/// the index kept current as above; returns its exit status.
int serveKeepingIndex(const std::function<int()> &Server,
                      IndexKeeperOptions Options);

} // namespace stateless

#endif

//===--- Indexer.h - the facts of many units, in parallel ------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Parses the units of a compilation database on a few threads, each with
// the handler options of the .clang-tidy files that apply to it, and keeps
// each unit's facts in memory as it is done.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_TOOLS_INDEXER_H
#define STATELESS_TOOLS_INDEXER_H

#include "Facts.h"

#include "clang/Tooling/CompilationDatabase.h"
#include <atomic>
#include <string>
#include <vector>

namespace stateless {

struct Indexed {
  /// The facts of each unit indexed, sorted by main file.
  std::vector<index::Unit> Units;
  /// The units that could not be parsed at all.
  std::vector<std::string> Failed;
  /// The units that parsed with compile errors (indexed from what parsed).
  std::vector<std::string> WithErrors;
};

/// Identifies a compile command: a unit is indexed again when it changes.
/// The directory the command and its file share (the checkout) is left out:
/// the same command in a checkout at another path has the same id.
std::string commandId(const clang::tooling::CompileCommand &Command);

/// Indexes \p Files of \p Database on \p Threads threads; \p Done counts the
/// units finished, for a progress line. Configuration problems (malformed
/// options in a .clang-tidy) are printed once each.
Indexed indexUnits(const clang::tooling::CompilationDatabase &Database,
                   const std::vector<std::string> &Files, unsigned Threads,
                   std::atomic<unsigned> &Done);

} // namespace stateless

#endif

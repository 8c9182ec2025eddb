//===--- ProjectIndex.h - the project index read from disk -----------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A project index read from disk and checked (Format.h), with its lookups
// (FactTable.h) and which of its units are out of date. Loaded once per
// process and shared by every unit analysed in it (clangd analyses several
// at once).
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_INDEX_PROJECTINDEX_H
#define STATELESS_INDEX_PROJECTINDEX_H

#include "FactTable.h"
#include "Facts.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stateless {

class ProjectIndex {
public:
  /// The file name of an index in a build directory.
  static constexpr llvm::StringLiteral FileName = "stateless.index";

  /// The index at \p Path, read on first use and again when the file
  /// changes. An unreadable or foreign index, or one that names files that
  /// no longer exist, is an error that says so.
  static llvm::Expected<std::shared_ptr<const ProjectIndex>>
  get(llvm::StringRef Path);

  /// The index for a unit compiled in \p Directory: `stateless.index` in
  /// that directory or, as clangd looks for compile_commands.json, in one
  /// of its parents or their `build` subdirectories.
  static std::optional<std::string> find(llvm::StringRef Directory);

  ProjectIndex(index::Index Data, std::vector<std::string> LeftOut);
  ProjectIndex(const ProjectIndex &) = delete; // the table points into Data
  ProjectIndex &operator=(const ProjectIndex &) = delete;

  const index::Index &data() const { return Data; }
  const index::FactTable &facts() const { return Table; }
  /// The units whose records were damaged, left out when it was read.
  const std::vector<std::string> &leftOut() const { return LeftOut; }

  /// The units whose input files changed since they were indexed (their
  /// facts may be wrong), as of now.
  llvm::BitVector staleUnits() const;

  /// The files the index names that no longer exist.
  std::vector<std::string> missingFiles() const;

private:
  index::Index Data;
  index::FactTable Table;
  std::vector<std::string> LeftOut;
};

} // namespace stateless

#endif

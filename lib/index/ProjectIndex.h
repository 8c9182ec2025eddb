//===--- ProjectIndex.h - the project index read from disk -----------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A project index read from disk (Format.h), with its lookups (FactTable.h)
// and which of its units are out of date. Loaded once per process and
// shared by every unit analysed in it (clangd analyses several at once).
// Its units are read, and their files looked at, only when a lookup needs
// them: checking one unit of a large project costs what its questions
// reach, not the size of the project.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_INDEX_PROJECTINDEX_H
#define STATELESS_INDEX_PROJECTINDEX_H

#include "FactTable.h"
#include "Facts.h"
#include "Format.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
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
  /// changes. An unreadable or foreign index is an error that says so.
  static llvm::Expected<std::shared_ptr<const ProjectIndex>>
  get(llvm::StringRef Path);
  /// The index at \p Path, read now; with \p ReadAs, its paths are read as
  /// if it were there (Format.h, readFile).
  static llvm::Expected<std::shared_ptr<const ProjectIndex>>
  open(llvm::StringRef Path, llvm::StringRef ReadAs = "");
  /// The index \p Bytes holds, its paths relative to \p Directory.
  static llvm::Expected<std::shared_ptr<const ProjectIndex>>
  fromBytes(llvm::StringRef Bytes, llvm::StringRef Directory = "");

  /// The index for a unit compiled in \p Directory: `stateless.index` in
  /// that directory or, as clangd looks for compile_commands.json, in one
  /// of its parents or their `build` subdirectories.
  static std::optional<std::string> find(llvm::StringRef Directory);

  ProjectIndex(const ProjectIndex &) = delete; // the table points into it
  ProjectIndex &operator=(const ProjectIndex &) = delete;

  const index::FactTable &facts() const { return Table; }
  unsigned size() const { return Stored->size(); }
  const std::string &mainFile(unsigned U) const { return Stored->mainFile(U); }
  /// The units whose records were damaged, left out when it was read.
  const std::vector<std::string> &leftOut() const { return Stored->leftOut(); }

  /// Unit \p U, read on first use; null when its record is damaged. Its
  /// Inputs are not read: see inputFiles().
  const index::Unit *unit(unsigned U) const { return Table.unit(U); }
  /// The files unit \p U was built from, as they were when it was indexed.
  std::vector<const index::InputFile *> inputFiles(unsigned U) const;

  /// What is known of the files on disk, for one analysis: each file is
  /// looked at once (files change while an editor keeps the index open).
  class FilesSeen {
    friend class ProjectIndex;
    std::vector<int8_t> Current; ///< by position: unknown, current, changed
  };
  /// Whether the input files of unit \p U changed since it was indexed
  /// (its facts may be wrong), or are gone.
  bool isStale(unsigned U, FilesSeen &Seen) const;

private:
  ProjectIndex(std::unique_ptr<llvm::MemoryBuffer> Buffer,
               std::unique_ptr<index::StoredIndex> Stored);
  static llvm::Expected<std::shared_ptr<const ProjectIndex>>
  over(std::unique_ptr<llvm::MemoryBuffer> Buffer, llvm::StringRef Directory);

  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  std::unique_ptr<index::StoredIndex> Stored;
  index::FactTable Table;
};

} // namespace stateless

#endif

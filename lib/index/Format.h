//===--- Format.h - the project index on disk ------------------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// An index is a list of units (Facts.h), written in a compact, versioned
// binary format: one unit makes a shard, many a merged index. The strings
// and input files of all units are written once, in shared tables (a header
// that every unit includes is one entry, not one per unit); each unit is a
// record of its own with its own checksum, so that a damaged unit is left
// out and named while the others are read. One schema describes every field
// for every pass over the data (writing, reading, rewriting paths, dumping
// as text), so that none of them can leave a field out.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_INDEX_FORMAT_H
#define STATELESS_INDEX_FORMAT_H

#include "Facts.h"
#include "Lookups.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stateless {
namespace index {

/// Bumped whenever the layout or the meaning of a field changes.
constexpr unsigned FormatVersion = 12;

/// Who wrote an index: an index is read only by the same stateless-tidy
/// built against the same LLVM major version (USRs and facts may differ),
/// with the same layout of the facts (named by a digest of layout()).
std::string producer();

/// The facts' layout as Schema.h, Enumerations.h and Lookups.h declare it:
/// every field's name and kind, in order, every enumeration's names and
/// how many lookups the directory lists units by.
std::string layout();

/// Names units in a message: the first few, and how many more there are.
std::string namesOfUnits(llvm::ArrayRef<std::string> MainFiles);

/// What was read, and the units that were left out because their records
/// are damaged (each named by its main file when that much is readable).
struct ReadResult {
  Index Read;
  std::vector<std::string> LeftOut;
};

/// Writes \p I. A unit holding a value the format cannot represent is left
/// out and named in the result (none are expected: the enumerations'
/// bounds come from their declarations). With \p Directory, the absolute
/// directory the index is written into, the paths under the project's root
/// (the deepest directory that holds \p Directory and every main file) are
/// stored relative to it, and the root relative to \p Directory: an index
/// or shard copied with the sources to another checkout or machine names
/// that checkout's files.
std::vector<std::string> write(const Index &I, llvm::raw_ostream &OS,
                               llvm::StringRef Directory = "");
/// The same, making \p I's paths relative in place rather than in a copy.
std::vector<std::string> write(Index &&I, llvm::raw_ostream &OS,
                               llvm::StringRef Directory = "");
/// Written aside and renamed, so that a reader never sees half a file.
llvm::Error writeFile(const Index &I, llvm::StringRef Path,
                      std::vector<std::string> *LeftOut = nullptr);
llvm::Error writeFile(Index &&I, llvm::StringRef Path,
                      std::vector<std::string> *LeftOut = nullptr);

/// Edits the index at \p Path in place: reads it (none, or one that cannot
/// be read, is an empty index), lets \p Change edit it and, when \p Change
/// says it did, writes it back aside and renamed. Holds a lock on
/// `Path.lock` throughout, so that writers in other processes (the editor,
/// stateless-index) never lose each other's units. True when it was
/// rewritten.
llvm::Expected<bool> updateFile(llvm::StringRef Path,
                                llvm::function_ref<bool(Index &)> Change,
                                std::vector<std::string> *LeftOut = nullptr);

/// Puts \p U into the index at \p Path in place of the unit with the same
/// main file, keeping that unit's compile command when \p U names none.
/// True when the index changed.
llvm::Expected<bool> storeUnit(llvm::StringRef Path, Unit U);

/// Reads an index. Not an index, another format version or another
/// producer is an error that says which; a damaged unit is left out.
/// Relative paths are taken from the root the index names, relative to
/// \p Directory (where it was read from; default: the current directory).
llvm::Expected<ReadResult> read(llvm::StringRef Buffer,
                                llvm::StringRef Directory = "");
/// With \p ReadAs, the paths are read as if the file were there (an index
/// kept aside, read in place of the one it was copied from).
llvm::Expected<ReadResult> readFile(llvm::StringRef Path,
                                    llvm::StringRef ReadAs = "");

/// The bytes of the index file at \p Path, and the directory its paths are
/// read relative to (where it is or, with \p ReadAs, where that is).
struct IndexFile {
  std::unique_ptr<llvm::MemoryBuffer> Bytes;
  std::string Directory;
};
llvm::Expected<IndexFile> loadFile(llvm::StringRef Path,
                                   llvm::StringRef ReadAs = "");

/// An index as it is stored, its units read one at a time when asked for:
/// a lookup (FactTable) finds in the index's directory which units have
/// facts under its key, and reads only those. Opening checks the tables'
/// and every unit's checksum and decodes no unit.
class StoredIndex {
public:
  /// Over \p Buffer, which must outlive it (see read()).
  static llvm::Expected<std::unique_ptr<StoredIndex>>
  open(llvm::StringRef Buffer, llvm::StringRef Directory = "");

  unsigned size() const { return Records.size(); }
  /// The main file of unit \p U, absolute.
  const std::string &mainFile(unsigned U) const {
    return Records[U].MainFile;
  }
  std::optional<unsigned> unitOf(llvm::StringRef MainFile) const;
  /// The units with facts under \p Kind and \p Key, in order.
  llvm::SmallVector<unsigned, 4> unitsWith(Lookup Kind,
                                           llvm::StringRef Key) const;
  /// Unit \p U's facts; none when its record is damaged. Without
  /// \p WithInputs, its Inputs are left empty (see inputsOf()).
  std::optional<Unit> readUnit(unsigned U, bool WithInputs = true) const;
  /// The input files of unit \p U, as positions in the file table.
  std::vector<unsigned> inputsOf(unsigned U) const;
  /// The compile command unit \p U was indexed with (Unit::Command).
  std::string commandOf(unsigned U) const;
  unsigned files() const;
  const InputFile &file(unsigned Position) const;
  /// The units whose records are damaged, named as ReadResult names them.
  const std::vector<std::string> &leftOut() const { return LeftOut; }

  struct Tables;
  ~StoredIndex();

private:
  StoredIndex();
  struct Record {
    std::string MainFile;
    llvm::StringRef Payload; ///< empty when damaged
  };
  std::unique_ptr<Tables> Shared;
  std::vector<Record> Records;
  llvm::StringMap<unsigned> ByMainFile;
  std::vector<std::string> LeftOut;
  /// The project root the stored paths are relative to (absolute), or none.
  std::string Root;
  /// The directory: the number of keys, the offset of each key's entry,
  /// the entries (lookup, key, units).
  uint64_t Keys = 0;
  llvm::StringRef Offsets;
  llvm::StringRef Entries;
};

/// Prints \p I as text, every field by its name.
void dump(const Index &I, llvm::raw_ostream &OS);

/// Rewrites every path \p I stores (main files, locations, input files).
void mapPaths(Index &I, llvm::function_ref<void(std::string &)> Map);

/// Prefixes of paths replaced by others, as compilers' -ffile-prefix-map
/// does: a path is OLD itself or lies below it; the last pair that matches
/// wins.
class PathPrefixMap {
public:
  /// From OLD=NEW values; an error names the first value that is not one.
  static llvm::Expected<PathPrefixMap>
  parse(llvm::ArrayRef<std::string> Values);

  void apply(std::string &Path) const;
  void apply(Index &I) const;

private:
  std::vector<std::pair<std::string, std::string>> Pairs;
};

/// Joins indexes: one unit per main file, the one from the last index that
/// has it; units sorted by main file.
Index merge(std::vector<Index> Parts);

} // namespace index
} // namespace stateless

#endif

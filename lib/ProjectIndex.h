//===--- ProjectIndex.h - the facts of the whole project -------------------===//
//
// A project index read from disk and checked (IndexData.h), with the lookups
// the analysis of one unit asks of the others: where a function is defined
// and what it calls, which handlers, threads and start-up code exist, where
// a variable or data member is written (or the object a member refers to),
// where a member is handed on to a constructor, what a class derives from.
// Loaded once per process and shared by every unit analysed in it (clangd
// analyses several at once).
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_PROJECTINDEX_H
#define STATELESS_LIB_PROJECTINDEX_H

#include "IndexData.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <optional>
#include <string>

namespace stateless {

/// An entry of the index and the unit it comes from.
template <typename T> struct InUnit {
  unsigned Unit;
  const T *Entry;
};

/// A write recorded in the index, with the function that makes it.
struct IndexedWrite {
  unsigned Unit;
  const index::Function *Function;
  const index::Write *Write;
};

class ProjectIndex {
public:
  /// The file name of an index in a build directory.
  static constexpr llvm::StringLiteral FileName = "stateless.index";

  /// The index at \p Path, read on first use and again when the file
  /// changes. An unreadable, damaged or foreign index, or one that names
  /// files that no longer exist, is an error that says so.
  static llvm::Expected<std::shared_ptr<const ProjectIndex>>
  get(llvm::StringRef Path);

  /// The index for a unit compiled in \p Directory: `stateless.index` in
  /// that directory or, as clangd looks for compile_commands.json, in one
  /// of its parents or their `build` subdirectories.
  static std::optional<std::string> find(llvm::StringRef Directory);

  explicit ProjectIndex(index::Index Data);

  const index::Index &data() const { return Data; }

  /// The units whose input files changed since they were indexed (their
  /// facts may be wrong), as of now.
  llvm::BitVector staleUnits() const;

  /// The unit indexed from \p MainFile (an absolute path), if any.
  std::optional<unsigned> unitOf(llvm::StringRef MainFile) const;

  llvm::ArrayRef<InUnit<index::Function>>
  definitions(llvm::StringRef USR) const;
  /// The definitions of the methods that override \p USR directly.
  llvm::ArrayRef<InUnit<index::Function>>
  overriders(llvm::StringRef USR) const;
  llvm::ArrayRef<InUnit<index::Root>> roots() const { return Roots; }
  llvm::ArrayRef<IndexedWrite> writesTo(llvm::StringRef USR) const;
  /// The writes through the member \p USR to the object it refers to.
  llvm::ArrayRef<IndexedWrite> writesThrough(llvm::StringRef USR) const;
  /// Where the member \p USR is passed to a constructor.
  llvm::ArrayRef<InUnit<index::HandOn>> handOnsOf(llvm::StringRef USR) const;
  llvm::ArrayRef<InUnit<index::Class>> classes(llvm::StringRef USR) const;
  llvm::ArrayRef<InUnit<index::Variable>>
  variables(llvm::StringRef USR) const;

  /// The files the index names that no longer exist.
  std::vector<std::string> missingFiles() const;

private:
  index::Index Data;
  std::vector<InUnit<index::Root>> Roots;
  llvm::StringMap<llvm::SmallVector<InUnit<index::Function>, 1>> Definitions;
  llvm::StringMap<llvm::SmallVector<InUnit<index::Function>, 1>> Overriders;
  llvm::StringMap<llvm::SmallVector<IndexedWrite, 2>> Writes;
  llvm::StringMap<llvm::SmallVector<IndexedWrite, 1>> WritesThrough;
  llvm::StringMap<llvm::SmallVector<InUnit<index::HandOn>, 1>> HandOns;
  llvm::StringMap<llvm::SmallVector<InUnit<index::Class>, 1>> Classes;
  llvm::StringMap<llvm::SmallVector<InUnit<index::Variable>, 1>> Variables;
  llvm::StringMap<unsigned> UnitsByMainFile;
};

/// The index as the analysis of one unit sees it: the facts of every other
/// unit that are still current. The unit's own entry is left out, since its
/// live AST (in an editor, the unsaved buffer) replaces it.
class ProjectView {
public:
  ProjectView(std::shared_ptr<const ProjectIndex> Index,
              llvm::StringRef LiveMainFile);

  /// How many units were left out because their files changed.
  unsigned staleUnits() const { return StaleCount; }
  /// False when the live main file is no unit of the index: a new file, or
  /// a header an editor opened on its own.
  bool liveIsIndexed() const { return Live != ~0u; }

  /// A definition of the function \p USR in another unit, or null.
  const index::Function *definition(llvm::StringRef USR) const;
  /// Other units' definitions of the methods overriding \p USR directly.
  llvm::SmallVector<const index::Function *, 2>
  overriders(llvm::StringRef USR) const;
  /// The roots of the other units.
  llvm::ArrayRef<const index::Root *> roots() const { return Roots; }
  /// The writes other units make to the variable or field \p USR.
  llvm::SmallVector<IndexedWrite, 2> writesTo(llvm::StringRef USR) const;
  /// The writes other units make through the member \p USR to the object
  /// it refers to.
  llvm::SmallVector<IndexedWrite, 2> writesThrough(llvm::StringRef USR) const;
  /// Where other units pass the member \p USR to a constructor.
  llvm::SmallVector<const index::HandOn *, 2>
  handOnsOf(llvm::StringRef USR) const;
  /// What other units know of the class \p USR, or null.
  const index::Class *classInfo(llvm::StringRef USR) const;

  /// Which unit reports a finding: the one whose main file defines the
  /// variable, implements the class or holds the function (first in path
  /// order when several do); when none does, the first in path order of
  /// those that know it. The live unit takes part with \p LiveClaims
  /// (it defines, implements or holds it) and \p LiveKnows.
  bool liveOwnsVariable(llvm::StringRef USR, bool LiveClaims) const;
  bool liveOwnsClass(llvm::StringRef USR, bool LiveClaims) const;
  bool liveOwnsFunction(llvm::StringRef USR, bool LiveClaims) const;

private:
  template <typename T> bool counts(const T &Found) const {
    return Found.Unit != Live && !Stale.test(Found.Unit);
  }
  /// What \p Found holds of the units that count.
  template <typename T>
  llvm::SmallVector<T, 2> counted(llvm::ArrayRef<T> Found) const {
    llvm::SmallVector<T, 2> Result;
    for (const T &F : Found)
      if (counts(F))
        Result.push_back(F);
    return Result;
  }
  template <typename T>
  llvm::SmallVector<const T *, 2>
  countedEntries(llvm::ArrayRef<InUnit<T>> Found) const {
    llvm::SmallVector<const T *, 2> Result;
    for (const InUnit<T> &F : Found)
      if (counts(F))
        Result.push_back(F.Entry);
    return Result;
  }
  /// True when the live unit comes first among the units that claim the
  /// entity or, when none does, among those that know it.
  template <typename T, typename Claims>
  bool liveComesFirst(llvm::ArrayRef<InUnit<T>> Known, bool LiveClaims,
                      Claims Claimed) const;

  std::shared_ptr<const ProjectIndex> Index;
  std::string LiveMainFile;
  unsigned Live;
  llvm::BitVector Stale;
  unsigned StaleCount = 0;
  std::vector<const index::Root *> Roots;
};

} // namespace stateless

#endif

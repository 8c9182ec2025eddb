//===--- Format.cpp - the project index on disk ----------------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Layout: magic, format version, producer, the project root (relative to
// the index), the shared tables (every distinct string, then every input
// file) with their checksum, the number of units, then one record per unit:
// its main file, its payload (the unit's fields: strings as table
// positions, numbers as LEB128) and an xxHash64 of the main file and the
// payload, so that a damaged record is refused rather than misread. Last,
// the directory with its checksum: for each lookup and key, sorted, the
// units with facts there, and the offset of each entry, so that a reader
// finds a key's units by binary search without decoding the rest.
//
//===----------------------------------------------------------------------===//

#include "Format.h"
#include "Inputs.h"
#include "Schema.h"

#include "stateless/annotations.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/xxhash.h"
#include <map>
#include <mutex>
#include <type_traits>

namespace stateless {
namespace index {

std::string objectMadeAt(const FileLocation &Site) {
  return "made@" + Site.File + ":" + std::to_string(Site.Line) + ":" +
         std::to_string(Site.Column);
}

std::string Creation::id() const { return objectMadeAt(Site); }

namespace {

constexpr llvm::StringLiteral Magic = "STLSIDX\n";

/// A stored path is relative to the index's root unless it is outside it:
/// absolute, from its separator or its drive letter (no parse of the path:
/// every path of a unit read is resolved).
bool isStoredRelative(llvm::StringRef Path) {
  return !Path.empty() && !llvm::sys::path::is_separator(Path.front()) &&
         (Path.size() < 2 || Path[1] != ':');
}

/// The path \p Stored names under \p Root (none: as stored), in one
/// allocation.
std::string underRoot(llvm::StringRef Root, llvm::StringRef Stored) {
  if (Root.empty() || !isStoredRelative(Stored))
    return Stored.str();
  std::string Path;
  Path.reserve(Root.size() + 1 + Stored.size());
  Path.append(Root).append(1, '/').append(Stored);
  return Path;
}

template <typename Derived> class StringPass;

/// A pass that treats a path like any string and walks into everything.
template <typename Derived> class AnyPass {
public:
  template <typename T> void field(llvm::StringRef, T &V) { walk(self(), V); }
  void path(llvm::StringRef, std::string &S) { self().string(S); }
  /// A string that may name a place, "KIND@PATH:LINE:COLUMN" (an object
  /// made there), whose path is rewritten with the others.
  void located(llvm::StringRef Name, std::string &S) { self().field(Name, S); }

protected:
  Derived &self() { return static_cast<Derived &>(*this); }

private:
  AnyPass() = default;
  friend Derived;
  friend StringPass<Derived>;
};

/// A pass over the strings only; the rest is walked past.
template <typename Derived> class StringPass : public AnyPass<Derived> {
public:
  template <typename T> void number(T &) {}
  void flag(bool &) {}
  template <typename E> void enumeration(E &) {}
  template <typename T> void list(std::vector<T> &Items) {
    for (T &Item : Items)
      walk(this->self(), Item);
  }
  template <typename T> void optional(std::optional<T> &Value) {
    if (Value)
      walk(this->self(), *Value);
  }

private:
  StringPass() = default;
  friend Derived;
};

// --- The string table ----------------------------------------------------

class StringCollector : public StringPass<StringCollector> {
public:
  void string(std::string &S) {
    auto [It, New] = Positions.try_emplace(S, Strings.size());
    if (New)
      Strings.push_back(It->getKey()); // the map's copy outlives S
  }

  llvm::StringMap<uint64_t> Positions;
  std::vector<llvm::StringRef> Strings;
};

// --- Writing -------------------------------------------------------------

/// Where each input file (its path, time, size and hash) is in the file
/// table: a file that many units include is written once.
using FileKey =
    std::tuple<llvm::StringRef, int64_t, uint64_t, uint64_t, uint64_t>;
using FilePositions = llvm::DenseMap<FileKey, uint64_t>;

FileKey fileKey(const InputFile &F) {
  return {F.Path, F.ModificationTime, F.Size, F.Hash, F.CodeHash};
}

class Writer : public AnyPass<Writer> {
public:
  Writer(llvm::raw_ostream &OS, const llvm::StringMap<uint64_t> &Positions,
         const FilePositions &Files)
      : OS(OS), Positions(Positions), Files(Files) {}

  void string(std::string &S) { llvm::encodeULEB128(Positions.lookup(S), OS); }
  void number(unsigned &N) { llvm::encodeULEB128(N, OS); }
  void number(uint64_t &N) { llvm::encodeULEB128(N, OS); }
  void number(int64_t &N) { llvm::encodeSLEB128(N, OS); }
  void flag(bool &B) { OS << char(B ? 1 : 0); }
  template <typename E> void enumeration(E &Value) {
    if (!isEnumerator<E>(static_cast<uint64_t>(Value)))
      Unrepresentable = true;
    OS << char(Value);
  }
  template <typename T> void list(std::vector<T> &Items) {
    llvm::encodeULEB128(Items.size(), OS);
    for (T &Item : Items)
      walk(*this, Item);
  }
  void list(std::vector<InputFile> &Inputs) {
    llvm::encodeULEB128(Inputs.size(), OS);
    for (const InputFile &F : Inputs)
      llvm::encodeULEB128(Files.find(fileKey(F))->second, OS);
  }
  template <typename T> void optional(std::optional<T> &Value) {
    OS << char(Value ? 1 : 0);
    if (Value)
      walk(*this, *Value);
  }

  /// An enumeration held a value it does not declare.
  bool Unrepresentable = false;

private:
  llvm::raw_ostream &OS;
  const llvm::StringMap<uint64_t> &Positions;
  const FilePositions &Files;
};

// --- Rewriting the paths ---------------------------------------------------

class PathMapper : public StringPass<PathMapper> {
public:
  explicit PathMapper(llvm::function_ref<void(std::string &)> Map) : Map(Map) {}
  void path(llvm::StringRef, std::string &S) { Map(S); }
  void located(llvm::StringRef, std::string &S) {
    const size_t At = S.find('@');
    llvm::StringRef Place = llvm::StringRef(S).substr(At + 1);
    const size_t Column = Place.rfind(':');
    const size_t Line = Column == llvm::StringRef::npos
                            ? llvm::StringRef::npos
                            : Place.take_front(Column).rfind(':');
    if (At == std::string::npos || Line == llvm::StringRef::npos)
      return; // a USR, not a place
    std::string File = Place.take_front(Line).str();
    Map(File);
    S = S.substr(0, At + 1) + File + Place.substr(Line).str();
  }
  void string(std::string &) {}

private:
  llvm::function_ref<void(std::string &)> Map;
};

// --- Printing --------------------------------------------------------------

class Printer {
public:
  explicit Printer(llvm::raw_ostream &OS) : OS(OS) {}

  template <typename T> void field(llvm::StringRef Name, T &V) {
    // Empty strings and lists, absent values and places, and false flags
    // say nothing.
    if constexpr (IsVector<T>::value || std::is_same_v<T, std::string>) {
      if (V.empty())
        return;
    } else if constexpr (std::is_same_v<T, FileLocation>) {
      if (!V.isValid())
        return;
    } else if constexpr (IsOptional<T>::value || std::is_same_v<T, bool>) {
      if (!V)
        return;
    }
    startLine();
    OS << Name << ":";
    if constexpr (std::is_same_v<T, FileLocation>) {
      OS << " " << V.File << ":" << V.Line << ":" << V.Column;
    } else if constexpr (std::is_class_v<T> && !std::is_same_v<T, std::string>) {
      Depth += 1;
      walk(*this, V);
      Depth -= 1;
    } else {
      OS << " ";
      walk(*this, V);
    }
  }
  void path(llvm::StringRef Name, std::string &S) { field(Name, S); }
  void located(llvm::StringRef Name, std::string &S) { field(Name, S); }

  void string(std::string &S) { OS << S; }
  template <typename T> void number(T &N) { OS << N; }
  void flag(bool &B) { OS << (B ? "true" : "false"); }
  template <typename E> void enumeration(E &Value) {
    if (isEnumerator<E>(static_cast<uint64_t>(Value)))
      OS << nameOf(Value);
    else
      OS << "<" << unsigned(Value) << ">";
  }
  template <typename T> void list(std::vector<T> &Items) {
    for (T &Item : Items) {
      startLine();
      OS << "- ";
      if constexpr (std::is_same_v<T, std::string>) {
        OS << Item;
      } else {
        // The item's first field goes on the line of its dash.
        SameLine = true;
        Depth += 1;
        walk(*this, Item);
        Depth -= 1;
      }
    }
  }
  template <typename T> void optional(std::optional<T> &Value) {
    if (Value)
      walk(*this, *Value);
  }

  void unit(Unit &U) {
    OS << "unit " << U.MainFile;
    Depth = 1;
    schema(*this, U);
    Depth = 0;
    OS << "\n";
  }

private:
  void startLine() {
    if (!SameLine)
      OS << "\n" << std::string(size_t(2) * Depth, ' ');
    SameLine = false;
  }

  llvm::raw_ostream &OS;
  unsigned Depth = 0;
  bool SameLine = false;
};

// --- The layout ------------------------------------------------------------

/// Spells out the facts' layout: every field's name and kind, in order, and
/// every enumeration's names. An index written with another layout is
/// refused as another producer's, so that a change to Schema.h or
/// Enumerations.h can never be misread, whether or not FormatVersion moved.
class LayoutSpeller {
public:
  template <typename T> void field(llvm::StringRef Name, T &V) {
    Out += Name;
    Out += '(';
    walk(*this, V);
    Out += ')';
  }
  void path(llvm::StringRef Name, std::string &S) { field("path " + Name.str(), S); }
  void located(llvm::StringRef Name, std::string &S) {
    field("located " + Name.str(), S);
  }
  void string(std::string &) { Out += "string"; }
  void flag(bool &) { Out += "flag"; }
  template <typename T> void number(T &) {
    Out += std::is_signed_v<T> ? "int" : "uint";
    Out += std::to_string(8 * sizeof(T));
  }
  template <typename E> void enumeration(E &) {
    for (llvm::StringRef Name : Enumeration<E>::Names)
      (Out += Name) += ',';
  }
  template <typename T> void list(std::vector<T> &) {
    T Item{};
    Out += "list ";
    walk(*this, Item);
  }
  template <typename T> void optional(std::optional<T> &) {
    T Value{};
    Out += "optional ";
    walk(*this, Value);
  }

  std::string Out;
};

// --- Reading ---------------------------------------------------------------

} // namespace

std::string namesOfUnits(llvm::ArrayRef<std::string> MainFiles) {
  constexpr size_t Shown = 5;
  std::string Names =
      llvm::join(MainFiles.take_front(Shown), ", ");
  if (MainFiles.size() > Shown)
    Names += " and " + std::to_string(MainFiles.size() - Shown) + " more";
  return Names;
}

std::string layout() {
  LayoutSpeller Speller;
  Unit U;
  schema(Speller, U);
  // The directory lists units by lookup: a lookup added is in no older index.
  return Speller.Out + " lookups " + std::to_string(LookupCount);
}

/// The strings and input files that the units of an index share.
struct StoredIndex::Tables {
  std::vector<llvm::StringRef> Strings; ///< into the index's buffer
  std::vector<InputFile> Files;
};

namespace {

using SharedTables = StoredIndex::Tables;

class Reader : public AnyPass<Reader> {
public:
  explicit Reader(llvm::StringRef Data, const SharedTables *Tables = nullptr)
      : Tables(Tables), Next(Data.bytes_begin()), End(Data.bytes_end()) {}

  /// A string written out in full (not a position in the table).
  void raw(std::string &S) { S = rawRef().str(); }
  llvm::StringRef rawRef() {
    uint64_t Length = unsigned64();
    if (Length > remaining()) {
      failed("a string runs past the end");
      return {};
    }
    llvm::StringRef S(reinterpret_cast<const char *>(Next), Length);
    Next += Length;
    return S;
  }
  llvm::StringRef entry() {
    uint64_t Position = unsigned64();
    if (Position >= Tables->Strings.size()) {
      failed("a string reference is out of range");
      return {};
    }
    return Tables->Strings[Position];
  }
  void string(std::string &S) { S = entry().str(); }
  /// Paths are read as they are used, under the root they are stored
  /// relative to (when one is set): no second pass, no second copy.
  void path(llvm::StringRef, std::string &S) { S = underRoot(Root, entry()); }
  void located(llvm::StringRef Name, std::string &S) {
    string(S);
    if (!Root.empty())
      PathMapper([&](std::string &Path) { Path = underRoot(Root, Path); })
          .located(Name, S);
  }
  void number(unsigned &N) {
    uint64_t Value = unsigned64();
    if (Value > UINT32_MAX)
      failed("a number is out of range");
    N = unsigned(Value);
  }
  void number(uint64_t &N) { N = unsigned64(); }
  void number(int64_t &N) {
    const char *Message = nullptr;
    unsigned Length = 0;
    N = llvm::decodeSLEB128(Next, &Length, End, &Message);
    Next += Length;
    if (Message)
      failed(Message);
  }
  void flag(bool &B) {
    uint8_t Byte = byte();
    if (Byte > 1)
      failed("a flag is neither 0 nor 1");
    B = Byte == 1;
  }
  template <typename E> void enumeration(E &Value) {
    uint8_t Byte = byte();
    if (!isEnumerator<E>(Byte))
      failed("an enumerator is out of range");
    Value = E(Byte);
  }
  template <typename T> void list(std::vector<T> &Items) {
    uint64_t Count = unsigned64();
    // Every element takes at least one byte: a larger count is damage, not
    // a reason to allocate.
    if (Count > remaining())
      return failed("a list is longer than the record");
    Items.resize(Count);
    for (T &Item : Items) {
      if (!Error.empty())
        return;
      walk(*this, Item);
    }
  }
  void list(std::vector<InputFile> &Inputs) {
    uint64_t Count = unsigned64();
    if (Count > remaining())
      return failed("a list is longer than the record");
    if (!InputPositions)
      Inputs.reserve(Count);
    for (uint64_t N = 0; N < Count && Error.empty(); ++N) {
      uint64_t Position = unsigned64();
      if (Position >= Tables->Files.size())
        return failed("a file reference is out of range");
      if (InputPositions)
        InputPositions->push_back(unsigned(Position));
      else
        Inputs.push_back(Tables->Files[Position]);
    }
  }
  template <typename T> void optional(std::optional<T> &Value) {
    bool Present = false;
    flag(Present);
    if (Present && Error.empty())
      walk(*this, Value.emplace());
  }
  uint64_t unsigned64() {
    const char *Message = nullptr;
    if (Next == End)
      return failed("it ends early"), 0;
    unsigned Length = 0;
    uint64_t Value = llvm::decodeULEB128(Next, &Length, End, &Message);
    Next += Length;
    if (Message)
      failed(Message);
    return Value;
  }
  uint8_t byte() {
    if (Next == End)
      return failed("it ends early"), 0;
    return *Next++;
  }
  /// The next \p Length bytes, or empty when fewer remain.
  llvm::StringRef bytes(uint64_t Length) {
    if (Length > remaining()) {
      failed("a record runs past the end");
      return {};
    }
    llvm::StringRef Taken(reinterpret_cast<const char *>(Next), Length);
    Next += Length;
    return Taken;
  }
  /// The tables the units' fields refer to: every string, then every
  /// input file (its path a string).
  void sharedTables(SharedTables &Read) {
    uint64_t Count = unsigned64();
    if (Count > remaining())
      return failed("the string table is longer than the index");
    Read.Strings.resize(Count);
    for (llvm::StringRef &S : Read.Strings)
      if (Error.empty())
        S = rawRef();
    Tables = &Read;
    Count = unsigned64();
    if (Count > remaining())
      return failed("the file table is longer than the index");
    Read.Files.resize(Count);
    for (InputFile &F : Read.Files)
      if (Error.empty())
        schema(*this, F);
  }
  size_t remaining() const { return End - Next; }
  void failed(const llvm::Twine &Why) {
    if (Error.empty())
      Error = Why.str();
  }

  std::string Error;
  /// When set, a unit's input files are read as their positions in the
  /// file table, not copied.
  std::vector<unsigned> *InputPositions = nullptr;
  /// The root paths are stored relative to; empty: read them as stored.
  llvm::StringRef Root;

private:
  const SharedTables *Tables;
  const uint8_t *Next;
  const uint8_t *End;
};

llvm::Error notAnIndex(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "the index is damaged: " + Why);
}

uint64_t recordHash(llvm::StringRef MainFile, llvm::StringRef Payload) {
  return llvm::xxHash64(MainFile) ^ llvm::xxHash64(Payload);
}

void writeRaw(llvm::raw_ostream &OS, llvm::StringRef S) {
  llvm::encodeULEB128(S.size(), OS);
  OS << S;
}

/// One unit's fields; false when a value cannot be written.
bool writePayload(Unit U, const StringCollector &Strings,
                  const FilePositions &Files, llvm::raw_ostream &OS) {
  Writer W(OS, Strings.Positions, Files);
  schema(W, U);
  return !W.Unrepresentable;
}

/// \p Value in its \p Bytes low bytes, least significant first: the
/// checksums (8 bytes) and the directory's offsets (4).
void writeLittleEndian(llvm::raw_ostream &OS, uint64_t Value,
                       unsigned Bytes = 8) {
  for (unsigned Byte = 0; Byte < Bytes; ++Byte)
    OS << char((Value >> (8 * Byte)) & 0xff);
}

uint64_t readLittleEndian(llvm::StringRef Bytes) {
  uint64_t Value = 0;
  for (size_t Byte = 0; Byte < Bytes.size(); ++Byte)
    Value |= uint64_t(uint8_t(Bytes[Byte])) << (8 * Byte);
  return Value;
}

/// The deepest directory that holds both \p Directory and \p Path.
std::string commonDirectory(llvm::StringRef Directory, llvm::StringRef Path) {
  llvm::SmallString<256> Common;
  for (auto A = llvm::sys::path::begin(Directory),
            B = llvm::sys::path::begin(Path),
            AEnd = llvm::sys::path::end(Directory),
            BEnd = llvm::sys::path::end(Path);
       A != AEnd && B != BEnd && *A == *B; ++A, ++B)
    llvm::sys::path::append(Common, *A);
  return std::string(Common);
}

/// Makes \p Path relative to \p Root when it lies below it.
void makeRelative(llvm::StringRef Root, std::string &Path) {
  llvm::StringRef Rest = Path;
  if (Rest.consume_front(Root) && Rest.consume_front("/"))
    Path = Rest.str();
}

/// The root of \p I's paths, for an index in \p Directory: as stored
/// (relative to \p Directory), and absolute. None when the two share only
/// the file system's root.
std::pair<std::string, std::string> projectRoot(const Index &I,
                                                llvm::StringRef Directory) {
  std::string Root = Directory.str();
  for (const Unit &U : I.Units)
    Root = commonDirectory(Root, llvm::sys::path::parent_path(U.MainFile));
  if (Root.empty() || llvm::sys::path::parent_path(Root).empty())
    return {"", ""};
  std::string Up;
  for (llvm::StringRef Below = Directory; Below.size() > Root.size();
       Below = llvm::sys::path::parent_path(Below))
    Up += Up.empty() ? ".." : "/..";
  return {Up.empty() ? "." : Up, Root};
}

/// The directory of \p Units (as stored): the number of keys, the offset of
/// each key's entry (4 bytes each), then the entries, sorted by lookup and
/// key: the lookup, the key (a position in the string table, to which the
/// keys are added), and the units with facts there (ascending, each as the
/// difference to the one before).
std::string directoryOf(llvm::ArrayRef<const Unit *> Units,
                        StringCollector &Strings) {
  std::map<std::pair<Lookup, std::string>, std::vector<unsigned>> Keys;
  for (unsigned U = 0; U < Units.size(); ++U)
    visitFacts(*Units[U], [&](Lookup Kind, llvm::StringRef Key, const auto *,
                              const auto *) {
      std::vector<unsigned> &With = Keys[{Kind, Key.str()}];
      if (With.empty() || With.back() != U)
        With.push_back(U);
    });
  std::string Entries;
  llvm::raw_string_ostream Out(Entries);
  std::vector<uint32_t> Offsets;
  for (const auto &[Key, With] : Keys) {
    Offsets.push_back(Out.tell());
    Out << char(Key.first);
    std::string Name = Key.second;
    Strings.string(Name);
    llvm::encodeULEB128(Strings.Positions.lookup(Name), Out);
    llvm::encodeULEB128(With.size(), Out);
    unsigned Before = 0;
    for (unsigned U : With) {
      llvm::encodeULEB128(U - Before, Out);
      Before = U;
    }
  }
  std::string Directory;
  llvm::raw_string_ostream OS(Directory);
  llvm::encodeULEB128(Offsets.size(), OS);
  for (uint32_t Offset : Offsets)
    writeLittleEndian(OS, Offset, 4);
  OS << Out.str();
  return Directory;
}

} // namespace

std::string producer() {
  static const std::string Producer = [] {
    std::string Text;
    llvm::raw_string_ostream(Text)
        << "stateless-tidy " STATELESS_TIDY_VERSION " (LLVM "
        << LLVM_VERSION_MAJOR << ", facts layout "
        << llvm::format_hex_no_prefix(llvm::xxHash64(layout()) >> 32, 8)
        << ")";
    return Text;
  }();
  return Producer;
}

namespace {

/// Writes \p I, whose paths are as stored, under \p StoredRoot.
std::vector<std::string> writeStored(const Index &I,
                                     llvm::StringRef StoredRoot,
                                     llvm::raw_ostream &OS) {
  // The strings and input files of every unit, each once.
  StringCollector Strings;
  FilePositions Files;
  std::vector<const InputFile *> FileTable;
  for (const Unit &U : I.Units) {
    schema(Strings, const_cast<Unit &>(U)); // collecting changes nothing
    for (const InputFile &F : U.Inputs)
      if (Files.try_emplace(fileKey(F), FileTable.size()).second)
        FileTable.push_back(&F);
  }
  std::vector<std::string> LeftOut;
  std::vector<std::pair<llvm::StringRef, std::string>> Records;
  std::vector<const Unit *> Kept;
  for (const Unit &U : I.Units) {
    std::string Payload;
    llvm::raw_string_ostream Out(Payload);
    if (writePayload(U, Strings, Files, Out)) {
      Records.emplace_back(U.MainFile, std::move(Out.str()));
      Kept.push_back(&U);
    } else {
      LeftOut.push_back(U.MainFile);
    }
  }
  // The directory's keys join the string table, written after it.
  const std::string Keys = directoryOf(Kept, Strings);
  std::string Tables;
  {
    llvm::raw_string_ostream Out(Tables);
    llvm::encodeULEB128(Strings.Strings.size(), Out);
    for (llvm::StringRef S : Strings.Strings)
      writeRaw(Out, S);
    Writer W(Out, Strings.Positions, Files);
    llvm::encodeULEB128(FileTable.size(), Out);
    for (const InputFile *F : FileTable)
      schema(W, const_cast<InputFile &>(*F));
  }
  OS << Magic;
  llvm::encodeULEB128(FormatVersion, OS);
  writeRaw(OS, producer());
  writeRaw(OS, StoredRoot);
  writeRaw(OS, Tables);
  writeLittleEndian(OS, recordHash("", Tables));
  llvm::encodeULEB128(Records.size(), OS);
  for (const auto &[MainFile, Payload] : Records) {
    writeRaw(OS, MainFile);
    writeRaw(OS, Payload);
    writeLittleEndian(OS, recordHash(MainFile, Payload));
  }
  writeRaw(OS, Keys);
  writeLittleEndian(OS, recordHash("", Keys));
  return LeftOut;
}

} // namespace

std::vector<std::string> write(Index &&Written, llvm::raw_ostream &OS,
                               llvm::StringRef Directory) {
  // Paths under the root are stored relative to it.
  auto [StoredRoot, Root] = Directory.empty()
                                ? std::pair<std::string, std::string>()
                                : projectRoot(Written, absolutePath(Directory));
  if (!Root.empty())
    mapPaths(Written, [&, &Root = Root](std::string &Path) {
      makeRelative(Root, Path);
    });
  return writeStored(Written, StoredRoot, OS);
}

std::vector<std::string> write(const Index &Written, llvm::raw_ostream &OS,
                               llvm::StringRef Directory) {
  if (Directory.empty())
    return writeStored(Written, "", OS);
  return write(Index(Written), OS, Directory);
}

llvm::Error writeFile(const Index &I, llvm::StringRef Path,
                      std::vector<std::string> *LeftOut) {
  return writeFile(Index(I), Path, LeftOut);
}

llvm::Error writeFile(Index &&I, llvm::StringRef Path,
                      std::vector<std::string> *LeftOut) {
  if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
        std::vector<std::string> Dropped = write(
            std::move(I), OS, llvm::sys::path::parent_path(absolutePath(Path)));
        if (LeftOut)
          *LeftOut = std::move(Dropped);
        return llvm::Error::success();
      }))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot write '%s': %s", Path.str().c_str(),
                                   llvm::toString(std::move(E)).c_str());
  return llvm::Error::success();
}

namespace {

/// An exclusive lock on a file beside the index, held while it lives.
class IndexLock {
public:
  explicit IndexLock(llvm::StringRef IndexPath) : Path((IndexPath + ".lock").str()) {}
  ~IndexLock() {
    // Closing the file releases the lock.
    if (FD >= 0 && llvm::sys::Process::SafelyCloseFileDescriptor(FD))
      llvm::errs() << "warning: cannot close '" << Path << "'\n";
  }
  llvm::Error acquire() {
    if (std::error_code EC = llvm::sys::fs::openFileForReadWrite(
            Path, FD, llvm::sys::fs::CD_OpenAlways, llvm::sys::fs::OF_None))
      return llvm::createStringError(EC, "cannot open the lock '%s': %s",
                                     Path.c_str(), EC.message().c_str());
    // Writers hold it for the time of one read and one write.
    if (std::error_code EC =
            llvm::sys::fs::tryLockFile(FD, std::chrono::seconds(60)))
      return llvm::createStringError(EC, "cannot lock '%s': %s", Path.c_str(),
                                     EC.message().c_str());
    return llvm::Error::success();
  }

private:
  std::string Path;
  int FD = -1;
};

} // namespace

llvm::Expected<bool> updateFile(llvm::StringRef Path,
                                llvm::function_ref<bool(Index &)> Change,
                                std::vector<std::string> *LeftOut) {
  // The file lock keeps other processes out (POSIX locks are per process),
  // the mutex other threads of this one.
  STATELESS_ALLOW(sync, "one writer of an index at a time in this process")
  static std::mutex Writing;
  std::lock_guard<std::mutex> Guard(Writing);
  IndexLock Lock(Path);
  if (llvm::Error E = Lock.acquire())
    return E;
  Index Current;
  if (llvm::sys::fs::exists(Path)) {
    if (llvm::Expected<ReadResult> Read = readFile(Path))
      Current = std::move(Read->Read);
    else
      llvm::consumeError(Read.takeError());
  }
  if (!Change(Current))
    return false;
  if (llvm::Error E = writeFile(std::move(Current), Path, LeftOut))
    return E;
  return true;
}

llvm::Expected<bool> storeUnit(llvm::StringRef Path, Unit U) {
  const auto Bytes = [](const Unit &Stored) {
    Index One;
    One.Units.push_back(Stored);
    std::string Out;
    llvm::raw_string_ostream OS(Out);
    write(One, OS);
    return Out;
  };
  return updateFile(Path, [&](Index &I) {
    auto Old = llvm::find_if(
        I.Units, [&](const Unit &Stored) { return Stored.MainFile == U.MainFile; });
    if (Old == I.Units.end()) {
      I.Units.push_back(std::move(U));
      llvm::sort(I.Units, [](const Unit &A, const Unit &B) {
        return A.MainFile < B.MainFile;
      });
      return true;
    }
    if (U.Command.empty())
      U.Command = Old->Command;
    // Files \p U does not name (clangd reads headers from its preamble) are
    // kept, as they are now: a change to them still makes the unit stale.
    llvm::StringSet<> Named;
    for (const InputFile &F : U.Inputs)
      Named.insert(F.Path);
    for (const InputFile &F : Old->Inputs)
      if (!Named.contains(F.Path))
        if (std::optional<InputFile> Now = readInput(F.Path))
          U.Inputs.push_back(std::move(*Now));
    llvm::sort(U.Inputs, [](const InputFile &A, const InputFile &B) {
      return A.Path < B.Path;
    });
    if (Bytes(*Old) == Bytes(U))
      return false;
    *Old = std::move(U);
    return true;
  });
}

StoredIndex::StoredIndex() : Shared(std::make_unique<Tables>()) {}
StoredIndex::~StoredIndex() = default;

llvm::Expected<std::unique_ptr<StoredIndex>>
StoredIndex::open(llvm::StringRef Buffer, llvm::StringRef Directory) {
  if (!Buffer.consume_front(Magic))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a stateless-tidy project index");
  Reader R(Buffer);
  uint64_t Version = R.unsigned64();
  std::string Producer;
  R.raw(Producer);
  if (!R.Error.empty())
    return notAnIndex(R.Error);
  if (Version != FormatVersion || Producer != producer())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "the index was written by %s (format %u), not by this %s (format %u)",
        Producer.c_str(), unsigned(Version), producer().c_str(), FormatVersion);
  std::unique_ptr<StoredIndex> Index(new StoredIndex());
  std::string StoredRoot;
  R.raw(StoredRoot);
  if (!StoredRoot.empty())
    Index->Root =
        absolutePath((llvm::Twine(Directory.empty() ? "." : Directory) + "/" +
                      StoredRoot)
                         .str());
  // The tables every unit refers to: damaged, no unit can be read.
  llvm::StringRef TablesData = R.bytes(R.unsigned64());
  llvm::StringRef TablesHash = R.bytes(8);
  if (!R.Error.empty())
    return notAnIndex(R.Error);
  if (readLittleEndian(TablesHash) != recordHash("", TablesData))
    return notAnIndex("the checksum of its shared tables does not match");
  Reader TableReader(TablesData);
  TableReader.Root = Index->Root;
  TableReader.sharedTables(*Index->Shared);
  if (TableReader.Error.empty() && TableReader.remaining() != 0)
    TableReader.failed("its shared tables have data after their end");
  if (!TableReader.Error.empty())
    return notAnIndex(TableReader.Error);
  uint64_t Count = R.unsigned64();
  if (Count > R.remaining())
    return notAnIndex("it names more units than it can hold");
  for (uint64_t N = 0; N < Count && R.Error.empty(); ++N) {
    Record Unit;
    const llvm::StringRef MainFile = R.rawRef();
    llvm::StringRef Payload = R.bytes(R.unsigned64());
    llvm::StringRef Hash = R.bytes(8);
    if (!R.Error.empty())
      break; // the records that follow cannot be found
    const bool Intact = readLittleEndian(Hash) == recordHash(MainFile, Payload);
    Unit.MainFile = underRoot(Index->Root, MainFile);
    if (!Intact)
      Index->LeftOut.push_back(
          (Unit.MainFile.empty() ? "unit " + std::to_string(N + 1)
                                 : Unit.MainFile) +
          " (its checksum does not match)");
    else
      Unit.Payload = Payload;
    Index->ByMainFile.try_emplace(Unit.MainFile, Index->Records.size());
    Index->Records.push_back(std::move(Unit));
  }
  llvm::StringRef DirectoryData = R.bytes(R.unsigned64());
  llvm::StringRef DirectoryHash = R.bytes(8);
  if (!R.Error.empty())
    return notAnIndex(R.Error);
  if (R.remaining() != 0)
    return notAnIndex("it has data after its directory");
  if (readLittleEndian(DirectoryHash) != recordHash("", DirectoryData))
    return notAnIndex("the checksum of its directory does not match");
  Reader Keys(DirectoryData);
  Index->Keys = Keys.unsigned64();
  llvm::StringRef Offsets = Keys.bytes(4 * Index->Keys);
  if (!Keys.Error.empty())
    return notAnIndex("its directory: " + Keys.Error);
  Index->Offsets = Offsets;
  Index->Entries = DirectoryData.take_back(Keys.remaining());
  for (uint64_t K = 0; K < Index->Keys; ++K)
    if (readLittleEndian(Index->Offsets.substr(4 * K, 4)) >=
        Index->Entries.size())
      return notAnIndex("its directory points past its end");
  return Index;
}

std::optional<unsigned> StoredIndex::unitOf(llvm::StringRef MainFile) const {
  auto It = ByMainFile.find(MainFile);
  if (It == ByMainFile.end())
    return std::nullopt;
  return It->second;
}

llvm::SmallVector<unsigned, 4>
StoredIndex::unitsWith(Lookup Kind, llvm::StringRef Key) const {
  // Places in keys ("made@FILE:LINE:COLUMN") are stored relative to the
  // root, as the units' fields are.
  std::string Stored = Key.str();
  if (!Root.empty()) {
    auto Relative = [&](std::string &Path) { makeRelative(Root, Path); };
    PathMapper(Relative).located("key", Stored);
  }
  auto EntryAt = [&](uint64_t K) {
    return Reader(
        Entries.drop_front(readLittleEndian(Offsets.substr(4 * K, 4))));
  };
  auto KeyOf = [&](Reader &Entry) {
    const uint64_t Position = Entry.unsigned64();
    return Position < Shared->Strings.size() ? Shared->Strings[Position]
                                             : llvm::StringRef();
  };
  auto Before = [&](uint64_t K) { // the entry K sorts before the key
    Reader Entry = EntryAt(K);
    const Lookup Found = Lookup(Entry.byte());
    return Found != Kind ? Found < Kind : KeyOf(Entry) < Stored;
  };
  uint64_t Low = 0, High = Keys;
  while (Low < High) {
    const uint64_t Middle = Low + (High - Low) / 2;
    if (Before(Middle))
      Low = Middle + 1;
    else
      High = Middle;
  }
  llvm::SmallVector<unsigned, 4> Units;
  if (Low == Keys)
    return Units;
  Reader Entry = EntryAt(Low);
  if (Lookup(Entry.byte()) != Kind || KeyOf(Entry) != Stored)
    return Units;
  uint64_t Count = Entry.unsigned64();
  for (uint64_t N = 0, Unit = 0; N < Count && Entry.Error.empty(); ++N) {
    Unit += Entry.unsigned64();
    if (Unit < Records.size())
      Units.push_back(unsigned(Unit));
  }
  return Units;
}

std::optional<Unit> StoredIndex::readUnit(unsigned N, bool WithInputs) const {
  if (N >= Records.size() || Records[N].Payload.empty())
    return std::nullopt;
  Unit U;
  Reader Fields(Records[N].Payload, Shared.get());
  Fields.Root = Root;
  std::vector<unsigned> Skipped;
  if (!WithInputs)
    Fields.InputPositions = &Skipped;
  schema(Fields, U);
  if (Fields.Error.empty() && Fields.remaining() != 0)
    Fields.failed("it has data after its last field");
  if (!Fields.Error.empty())
    return std::nullopt;
  U.MainFile = Records[N].MainFile;
  return U;
}

std::vector<unsigned> StoredIndex::inputsOf(unsigned N) const {
  std::vector<unsigned> Positions;
  if (N >= Records.size() || Records[N].Payload.empty())
    return Positions;
  // The command and the input files come first (Schema.h).
  Unit U;
  Reader Fields(Records[N].Payload, Shared.get());
  Fields.InputPositions = &Positions;
  Fields.field("command", U.Command);
  Fields.field("inputs", U.Inputs);
  return Positions;
}

std::string StoredIndex::commandOf(unsigned N) const {
  if (N >= Records.size() || Records[N].Payload.empty())
    return "";
  // The command comes first (Schema.h).
  Unit U;
  Reader Fields(Records[N].Payload, Shared.get());
  Fields.field("command", U.Command);
  return U.Command;
}

unsigned StoredIndex::files() const { return Shared->Files.size(); }

const InputFile &StoredIndex::file(unsigned Position) const {
  return Shared->Files[Position];
}

llvm::Expected<ReadResult> read(llvm::StringRef Buffer,
                                llvm::StringRef Directory) {
  llvm::Expected<std::unique_ptr<StoredIndex>> Stored =
      StoredIndex::open(Buffer, Directory);
  if (!Stored)
    return Stored.takeError();
  ReadResult Result;
  Result.LeftOut = (*Stored)->leftOut();
  for (unsigned U = 0; U < (*Stored)->size(); ++U) {
    if (std::optional<Unit> Read = (*Stored)->readUnit(U))
      Result.Read.Units.push_back(std::move(*Read));
    else if (llvm::none_of(Result.LeftOut, [&](llvm::StringRef Named) {
               return Named.starts_with((*Stored)->mainFile(U) + " (");
             }))
      Result.LeftOut.push_back((*Stored)->mainFile(U) +
                               " (its fields cannot be read)");
  }
  return Result;
}

llvm::Expected<IndexFile> loadFile(llvm::StringRef Path,
                                   llvm::StringRef ReadAs) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read '%s': %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  return IndexFile{std::move(*Buffer),
                   llvm::sys::path::parent_path(
                       absolutePath(ReadAs.empty() ? Path : ReadAs))
                       .str()};
}

llvm::Expected<ReadResult> readFile(llvm::StringRef Path,
                                    llvm::StringRef ReadAs) {
  llvm::Expected<IndexFile> File = loadFile(Path, ReadAs);
  if (!File)
    return File.takeError();
  return read(File->Bytes->getBuffer(), File->Directory);
}

void dump(const Index &I, llvm::raw_ostream &OS) {
  Printer P(OS);
  Index Copy = I; // the schema takes mutable references for the reader
  for (Unit &U : Copy.Units)
    P.unit(U);
}

void mapPaths(Index &I, llvm::function_ref<void(std::string &)> Map) {
  PathMapper Mapper(Map);
  for (Unit &U : I.Units) {
    Map(U.MainFile);
    schema(Mapper, U);
  }
}

llvm::Expected<PathPrefixMap>
PathPrefixMap::parse(llvm::ArrayRef<std::string> Values) {
  PathPrefixMap Map;
  for (llvm::StringRef Value : Values) {
    auto [Old, New] = Value.split('=');
    if (Old.empty() || Old.size() == Value.size())
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "--path-prefix-map needs OLD=NEW, not '%s'",
                                     Value.str().c_str());
    Map.Pairs.emplace_back(Old.rtrim('/').str(), New.rtrim('/').str());
  }
  return Map;
}

void PathPrefixMap::apply(std::string &Path) const {
  for (const auto &[Old, New] : llvm::reverse(Pairs)) {
    llvm::StringRef Rest = Path;
    if (Rest.consume_front(Old) && (Rest.empty() || Rest.front() == '/')) {
      Path = New + Rest.str();
      return;
    }
  }
}

void PathPrefixMap::apply(Index &I) const {
  if (!Pairs.empty())
    mapPaths(I, [&](std::string &Path) { apply(Path); });
}

Index merge(std::vector<Index> Parts) {
  std::map<std::string, Unit> ByMainFile;
  for (Index &Part : Parts)
    for (Unit &U : Part.Units)
      ByMainFile[U.MainFile] = std::move(U);
  Index Merged;
  for (auto &Entry : ByMainFile)
    Merged.Units.push_back(std::move(Entry.second));
  return Merged;
}

} // namespace index
} // namespace stateless

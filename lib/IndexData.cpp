//===--- IndexData.cpp - the project index as plain data -------------------===//
//
// Layout: magic, format version, producer, a table of every distinct string,
// the units (strings as table positions, numbers as LEB128), and an xxHash64
// of all that precedes it, so that a truncated or damaged file is refused
// rather than misread. One schema function per type describes the layout
// for the passes over it: collecting strings, writing, reading, and
// rewriting the paths (path() marks the strings that are paths).
//
//===----------------------------------------------------------------------===//

#include "IndexData.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/LEB128.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include <map>

namespace stateless {
namespace index {
namespace {

constexpr llvm::StringLiteral Magic = "STLSIDX\n";

// --- The schema, shared by the three passes -----------------------------

template <typename Pass> void mapLocation(Pass &IO, FileLocation &L) {
  IO.path(L.File);
  IO.number(L.Line);
  IO.number(L.Column);
}

template <typename Pass> void mapFunction(Pass &IO, Function &F) {
  IO.string(F.USR);
  IO.string(F.Name);
  mapLocation(IO, F.Loc);
  IO.string(F.ThisClass);
  IO.flag(F.IsLambda);
  IO.flag(F.IsStructor);
  IO.list(F.Calls, [&](Call &C) {
    IO.string(C.Callee);
    IO.string(C.CalleeName);
    IO.enumeration(C.Kind, CallKind::PassedOn);
    mapLocation(IO, C.Site);
  });
  IO.list(F.Overrides, [&](std::string &S) { IO.string(S); });
  IO.list(F.Creates, [&](std::string &S) { IO.string(S); });
  IO.list(F.Keeps, [&](Kept &K) {
    IO.number(K.Parameter);
    IO.string(K.Member);
  });
  IO.list(F.HandOns, [&](HandOn &H) {
    IO.string(H.Constructor);
    IO.number(H.Argument);
    IO.string(H.Member);
  });
  auto MapWrite = [&](Write &W) {
    IO.string(W.Target);
    mapLocation(IO, W.Site);
  };
  IO.list(F.GlobalWrites, MapWrite);
  IO.list(F.MemberWrites, MapWrite);
  IO.list(F.PointeeWrites, MapWrite);
  IO.list(F.Effects, [&](FunctionEffect &E) {
    IO.enumeration(E.Kind, EffectKind::Timer);
    IO.string(E.Api);
    IO.string(E.Action);
    mapLocation(IO, E.Site);
  });
}

template <typename Pass> void mapUnit(Pass &IO, Unit &U) {
  IO.path(U.MainFile);
  IO.string(U.Command);
  IO.list(U.Inputs, [&](InputFile &F) {
    IO.path(F.Path);
    IO.number(F.ModificationTime);
    IO.number(F.Size);
    IO.number(F.Hash);
  });
  IO.list(U.Functions, [&](Function &F) { mapFunction(IO, F); });
  IO.list(U.Roots, [&](Root &R) {
    IO.enumeration(R.Kind, RootKind::StartUp);
    IO.enumeration(R.Why, HandlerReason::Option);
    IO.string(R.Function);
    IO.string(R.FunctionName);
    IO.string(R.Via);
    mapLocation(IO, R.Site);
  });
  IO.list(U.Variables, [&](Variable &V) {
    IO.string(V.USR);
    IO.string(V.Name);
    IO.flag(V.Defined);
    mapLocation(IO, V.Loc);
  });
  IO.list(U.Classes, [&](Class &C) {
    IO.string(C.USR);
    IO.string(C.Name);
    IO.flag(C.Implemented);
    IO.flag(C.PerRequest);
    IO.list(C.Bases, [&](std::string &S) { IO.string(S); });
  });
}

// --- Pass 1: the string table --------------------------------------------

/// A pass that looks at the strings only: the rest is walked past.
struct StringPass {
  template <typename T> void number(T &) {}
  void flag(bool &) {}
  template <typename E> void enumeration(E &, E) {}
  template <typename T, typename Fn> void list(std::vector<T> &Items, Fn Map) {
    for (T &Item : Items)
      Map(Item);
  }
};

class StringCollector : public StringPass {
public:
  void string(std::string &S) {
    if (Positions.try_emplace(S, Strings.size()).second)
      Strings.emplace_back(S);
  }
  void path(std::string &S) { string(S); }

  llvm::StringMap<uint64_t> Positions;
  std::vector<llvm::StringRef> Strings;
};

// --- Pass 2: writing -----------------------------------------------------

class Writer {
public:
  Writer(llvm::raw_ostream &OS, const llvm::StringMap<uint64_t> &Positions)
      : OS(OS), Positions(Positions) {}

  void string(std::string &S) { llvm::encodeULEB128(Positions.lookup(S), OS); }
  void path(std::string &S) { string(S); }
  void number(unsigned &N) { llvm::encodeULEB128(N, OS); }
  void number(uint64_t &N) { llvm::encodeULEB128(N, OS); }
  void number(int64_t &N) { llvm::encodeSLEB128(N, OS); }
  void flag(bool &B) { OS << char(B ? 1 : 0); }
  template <typename E> void enumeration(E &Value, E) { OS << char(Value); }
  template <typename T, typename Fn> void list(std::vector<T> &Items, Fn Map) {
    llvm::encodeULEB128(Items.size(), OS);
    for (T &Item : Items)
      Map(Item);
  }

private:
  llvm::raw_ostream &OS;
  const llvm::StringMap<uint64_t> &Positions;
};

// --- Another pass: rewriting the paths ----------------------------------

class PathMapper : public StringPass {
public:
  explicit PathMapper(llvm::function_ref<void(std::string &)> Map) : Map(Map) {}
  void path(std::string &S) { Map(S); }
  void string(std::string &) {}

private:
  llvm::function_ref<void(std::string &)> Map;
};

// --- Pass 3: reading -----------------------------------------------------

class Reader {
public:
  Reader(llvm::StringRef Data)
      : Next(Data.bytes_begin()), End(Data.bytes_end()) {}

  void raw(std::string &S) {
    uint64_t Length = unsigned64();
    if (Length > remaining())
      return failed("a string runs past the end");
    S.assign(reinterpret_cast<const char *>(Next), Length);
    Next += Length;
  }
  void string(std::string &S) {
    uint64_t Position = unsigned64();
    if (Position >= Strings.size())
      return failed("a string reference is out of range");
    S = Strings[Position];
  }
  void path(std::string &S) { string(S); }
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
  template <typename E> void enumeration(E &Value, E Last) {
    uint8_t Byte = byte();
    if (Byte > uint8_t(Last))
      failed("an enumerator is out of range");
    Value = E(Byte);
  }
  template <typename T, typename Fn> void list(std::vector<T> &Items, Fn Map) {
    uint64_t Count = unsigned64();
    // Every element takes at least one byte: a larger count is damage, not
    // a reason to allocate.
    if (Count > remaining())
      return failed("a list is longer than the file");
    Items.resize(Count);
    for (T &Item : Items) {
      if (!Error.empty())
        return;
      Map(Item);
    }
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
  size_t remaining() const { return End - Next; }
  void failed(const llvm::Twine &Why) {
    if (Error.empty())
      Error = Why.str();
  }

  std::vector<std::string> Strings;
  std::string Error;

private:
  const uint8_t *Next;
  const uint8_t *End;
};

llvm::Error corrupt(const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "the index is damaged: " + Why);
}

} // namespace

std::string producer() {
  return "stateless-tidy " STATELESS_TIDY_VERSION " (LLVM " +
         std::to_string(LLVM_VERSION_MAJOR) + ")";
}

void write(const Index &I, llvm::raw_ostream &Out) {
  // The schema functions take mutable references for the reader's sake.
  Index Copy = I;
  StringCollector Collector;
  for (Unit &U : Copy.Units)
    mapUnit(Collector, U);

  std::string Payload;
  llvm::raw_string_ostream OS(Payload);
  OS << Magic;
  llvm::encodeULEB128(FormatVersion, OS);
  std::string Producer = producer();
  llvm::encodeULEB128(Producer.size(), OS);
  OS << Producer;
  llvm::encodeULEB128(Collector.Strings.size(), OS);
  for (llvm::StringRef S : Collector.Strings) {
    llvm::encodeULEB128(S.size(), OS);
    OS << S;
  }
  Writer W(OS, Collector.Positions);
  W.list(Copy.Units, [&](Unit &U) { mapUnit(W, U); });
  OS.flush();
  uint64_t Hash = llvm::xxHash64(Payload);
  Out << Payload;
  for (int Shift = 0; Shift < 64; Shift += 8)
    Out << char((Hash >> Shift) & 0xff);
}

llvm::Error writeFile(const Index &I, llvm::StringRef Path) {
  // Written aside and renamed, so that a reader never sees half a file.
  if (llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
        write(I, OS);
        return llvm::Error::success();
      }))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot write '%s': %s", Path.str().c_str(),
                                   llvm::toString(std::move(E)).c_str());
  return llvm::Error::success();
}

llvm::Expected<Index> read(llvm::StringRef Buffer) {
  if (Buffer.substr(0, Magic.size()) != Magic)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "not a stateless-tidy project index");
  if (Buffer.size() < Magic.size() + 8)
    return corrupt("it ends early");
  llvm::StringRef Payload = Buffer.drop_back(8);
  uint64_t Stored = 0;
  for (int Byte = 0; Byte < 8; ++Byte)
    Stored |= uint64_t(uint8_t(Buffer[Payload.size() + Byte])) << (8 * Byte);

  Reader R(Payload.drop_front(Magic.size()));
  uint64_t Version = R.unsigned64();
  std::string Producer;
  R.raw(Producer);
  if (!R.Error.empty())
    return corrupt(R.Error);
  if (Version != FormatVersion || Producer != producer())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "the index was written by %s (format %u), not by this %s (format %u)",
        Producer.c_str(), unsigned(Version), producer().c_str(), FormatVersion);
  if (llvm::xxHash64(Payload) != Stored)
    return corrupt("its checksum does not match its contents");

  uint64_t Count = R.unsigned64();
  if (Count > R.remaining())
    return corrupt("the string table is longer than the file");
  R.Strings.resize(Count);
  for (std::string &S : R.Strings)
    R.raw(S);
  Index I;
  R.list(I.Units, [&](Unit &U) { mapUnit(R, U); });
  if (R.Error.empty() && R.remaining() != 0)
    R.failed("it has data after its last unit");
  if (!R.Error.empty())
    return corrupt(R.Error);
  return I;
}

llvm::Expected<Index> readFile(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read '%s': %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  return read((*Buffer)->getBuffer());
}

void mapPaths(Index &I, llvm::function_ref<void(std::string &)> Map) {
  PathMapper Mapper(Map);
  for (Unit &U : I.Units)
    mapUnit(Mapper, U);
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

std::optional<InputFile> statInput(llvm::StringRef Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status) ||
      !llvm::sys::fs::exists(Status))
    return std::nullopt;
  InputFile F;
  F.Path = Path.str();
  F.ModificationTime = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           Status.getLastModificationTime().time_since_epoch())
                           .count();
  F.Size = Status.getSize();
  return F;
}

static std::optional<uint64_t> contentHash(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Contents =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Contents)
    return std::nullopt;
  return llvm::xxHash64((*Contents)->getBuffer());
}

std::optional<InputFile> readInput(llvm::StringRef Path) {
  std::optional<InputFile> F = statInput(Path);
  std::optional<uint64_t> Hash = F ? contentHash(Path) : std::nullopt;
  if (!Hash)
    return std::nullopt;
  F->Hash = *Hash;
  return F;
}

bool isCurrent(const InputFile &Recorded) {
  std::optional<InputFile> Now = statInput(Recorded.Path);
  if (!Now || Now->Size != Recorded.Size)
    return false;
  return Now->ModificationTime == Recorded.ModificationTime ||
         contentHash(Recorded.Path) == Recorded.Hash;
}

} // namespace index
} // namespace stateless

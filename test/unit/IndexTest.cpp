//===--- IndexTest.cpp - the index layer on its own ------------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Unit tests of lib/index: every field and every enumerator through the
// file format and back, a damaged unit among good ones, a reader that
// stands mutated input, merging, freshness and where an index is found.
//
//===----------------------------------------------------------------------===//

#include "Format.h"
#include "Inputs.h"
#include "ProjectIndex.h"
#include "Schema.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

#include <atomic>
#include <cstring>
#include <fstream>
#include <thread>
#include <random>
#include <unistd.h>

namespace stateless {
namespace index {
namespace {

/// Gives every field of the facts a value of its own: strings and numbers
/// count up, flags are set, lists have two elements, optional values are
/// present, and enumerations take the value \p Round (modulo their count),
/// so that rounds 0 to 5 use every enumerator of every enumeration.
class Filler {
public:
  explicit Filler(unsigned Round) : Round(Round) {}
  template <typename T> void field(llvm::StringRef, T &V) { walk(*this, V); }
  void path(llvm::StringRef, std::string &S) { S = "/p/file" + next(); }
  void located(llvm::StringRef, std::string &S) {
    S = "made@/p/file" + next() + ":1:2";
  }
  void string(std::string &S) { S = "s" + next(); }
  void flag(bool &B) { B = true; }
  template <typename T> void number(T &N) { N = T(++Counter); }
  template <typename E> void enumeration(E &Value) {
    Value = E(Round % Enumeration<E>::Count);
  }
  template <typename T> void list(std::vector<T> &Items) {
    Items.resize(2);
    for (T &Item : Items)
      walk(*this, Item);
  }
  template <typename T> void optional(std::optional<T> &Value) {
    walk(*this, Value.emplace());
  }

private:
  std::string next() { return std::to_string(++Counter); }
  const unsigned Round;
  unsigned Counter = 0;
};

/// Rounds enough to use every enumerator of the largest enumeration.
constexpr unsigned Rounds = Enumeration<Recurrence>::Count;

Index filled(unsigned Round) {
  Index I;
  I.Units.resize(2);
  Filler F(Round);
  for (Unit &U : I.Units) {
    F.path("main-file", U.MainFile);
    schema(F, U);
  }
  return I;
}

std::string serialized(const Index &I) {
  std::string Bytes;
  llvm::raw_string_ostream OS(Bytes);
  EXPECT_TRUE(write(I, OS).empty());
  return OS.str();
}

std::string dumped(const Index &I) {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  dump(I, OS);
  return OS.str();
}

std::string errorOf(llvm::StringRef Bytes) {
  llvm::Expected<ReadResult> Read = read(Bytes);
  return Read ? "" : llvm::toString(Read.takeError());
}

TEST(Format, EveryFieldAndEveryEnumeratorRoundTrips) {
  static_assert(Enumeration<Recurrence>::Count >= Enumeration<EffectKind>::Count &&
                    Enumeration<Recurrence>::Count >= Enumeration<CallKind>::Count &&
                    Enumeration<Recurrence>::Count >=
                        Enumeration<HandlerReason>::Count &&
                    Enumeration<Recurrence>::Count >=
                        Enumeration<VariableScope>::Count,
                "Rounds must reach every enumerator");
  for (unsigned Round = 0; Round < Rounds; ++Round) {
    const Index Original = filled(Round);
    const std::string Bytes = serialized(Original);
    llvm::Expected<ReadResult> Read = read(Bytes);
    ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
    EXPECT_TRUE(Read->LeftOut.empty());
    EXPECT_EQ(serialized(Read->Read), Bytes);
    // The dump names every field, so equal dumps mean equal values.
    EXPECT_EQ(dumped(Read->Read), dumped(Original));
  }
}

TEST(Format, DumpShowsEveryEnumeratorByName) {
  std::string Text;
  for (unsigned Round = 0; Round < Rounds; ++Round)
    Text += dumped(filled(Round));
  for (llvm::StringRef Name : Enumeration<EffectKind>::Names)
    EXPECT_NE(Text.find("kind: " + Name.str()), std::string::npos) << Name.str();
  for (llvm::StringRef Name : Enumeration<Recurrence>::Names)
    EXPECT_NE(Text.find("recurs: " + Name.str()), std::string::npos)
        << Name.str();
  EXPECT_NE(Text.find("why: option"), std::string::npos);
  EXPECT_NE(Text.find("scope: shared-object"), std::string::npos);
}

TEST(Format, ADamagedUnitIsLeftOutAndNamed) {
  Index I = filled(0);
  I.Units[0].MainFile = "/p/a.cpp";
  I.Units[1].MainFile = "/p/b.cpp";
  std::string Bytes = serialized(I);
  // Damage the middle of the first unit's record (the records follow the
  // shared tables, each named by its main file).
  const size_t First = Bytes.rfind("/p/a.cpp");
  const size_t Second = Bytes.rfind("/p/b.cpp");
  ASSERT_NE(Second, std::string::npos);
  ASSERT_LT(First + 16, Second);
  Bytes[(First + 8 + Second) / 2] ^= 0x40;
  llvm::Expected<ReadResult> Read = read(Bytes);
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  ASSERT_EQ(Read->Read.Units.size(), 1u);
  EXPECT_EQ(Read->Read.Units[0].MainFile, "/p/b.cpp");
  ASSERT_EQ(Read->LeftOut.size(), 1u);
  EXPECT_NE(Read->LeftOut[0].find("/p/a.cpp"), std::string::npos);
}

TEST(Format, AValueOutOfItsEnumerationIsNotWritten) {
  Index I = filled(0);
  I.Units[0].Functions[0].Effects[0].Kind =
      EffectKind(Enumeration<EffectKind>::Count);
  std::string Bytes;
  llvm::raw_string_ostream OS(Bytes);
  std::vector<std::string> LeftOut = write(I, OS);
  ASSERT_EQ(LeftOut.size(), 1u);
  EXPECT_EQ(LeftOut[0], I.Units[0].MainFile);
  llvm::Expected<ReadResult> Read = read(OS.str());
  ASSERT_TRUE(bool(Read));
  EXPECT_EQ(Read->Read.Units.size(), 1u);
}

TEST(Format, DamagedSharedTablesAreNoIndex) {
  Index I = filled(0);
  std::string Bytes = serialized(I);
  // The strings come first, after the header; an input file's path is
  // only there.
  const size_t String = Bytes.find(I.Units[0].Inputs.front().Path);
  ASSERT_NE(String, std::string::npos);
  Bytes[String + 1] ^= 0x40;
  EXPECT_NE(errorOf(Bytes).find("shared tables"), std::string::npos);
}

TEST(Format, AFileManyUnitsIncludeIsStoredOnce) {
  Index I = filled(0);
  I.Units[1].Inputs = I.Units[0].Inputs;
  Index Without = I;
  Without.Units[1].Inputs.clear();
  const std::string Bytes = serialized(I);
  // The second unit's inputs cost a reference each, one byte here.
  EXPECT_EQ(Bytes.size(),
            serialized(Without).size() + I.Units[0].Inputs.size());
  llvm::Expected<ReadResult> Read = read(Bytes);
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(Read->Read.Units[1].Inputs, I.Units[0].Inputs);
}

TEST(Format, NotAnIndexAnotherVersionATruncatedFile) {
  const std::string Bytes = serialized(filled(1));
  EXPECT_EQ(errorOf("#include <x>"), "not a stateless-tidy project index");
  EXPECT_NE(errorOf(llvm::StringRef(Bytes).drop_back(20)).find("damaged"),
            std::string::npos);
  // The format version follows the 8-byte magic.
  std::string Newer = Bytes;
  Newer[8] = char(FormatVersion + 1);
  EXPECT_NE(errorOf(Newer).find("was written by"), std::string::npos);
}

/// The producer names a digest of the facts' layout, which spells out
/// every field and enumerator: an index written with a field more or less
/// (a change to Schema.h that FormatVersion did not follow) is refused.
TEST(Format, TheLayoutNamesEveryFieldAndAnotherLayoutIsRefused) {
  const std::string Layout = layout();
  const std::string Dump = dumped(filled(0));
  llvm::SmallVector<llvm::StringRef> Lines;
  llvm::StringRef(Dump).split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Name = Line.ltrim(" -").split(':').first;
    if (!Line.contains(':') || Name.starts_with("unit "))
      continue;
    EXPECT_NE(Layout.find(Name.str() + "("), std::string::npos) << Name.str();
  }
  for (llvm::StringRef Name : Enumeration<Recurrence>::Names)
    EXPECT_NE(Layout.find(Name.str() + ","), std::string::npos) << Name.str();

  const std::string Bytes = serialized(filled(1));
  const size_t At = Bytes.find("facts layout ");
  ASSERT_NE(At, std::string::npos);
  std::string Other = Bytes;
  char &Digit = Other[At + std::strlen("facts layout ")];
  Digit = Digit == '0' ? '1' : '0';
  EXPECT_NE(errorOf(Other).find("was written by"), std::string::npos);
  EXPECT_EQ(errorOf(Bytes), "");
}

TEST(Format, AMessageNamesAFewUnitsAndCountsTheRest) {
  EXPECT_EQ(namesOfUnits({"a.cpp", "b.cpp"}), "a.cpp, b.cpp");
  const std::vector<std::string> Many(1001, "r.cpp");
  EXPECT_EQ(namesOfUnits(Many),
            "r.cpp, r.cpp, r.cpp, r.cpp, r.cpp and 996 more");
}

/// The reader takes any bytes: mutations of a real index (flipped bits,
/// truncation, inserted and overwritten bytes, large counts) give an error
/// or an index, never a crash, a hang or an allocation from an unchecked
/// count (the sanitized build checks the first and last).
TEST(Format, TheReaderStandsMutatedInput) {
  const std::string Bytes = serialized(filled(2));
  std::mt19937 Random(20261204);
  auto Position = [&](size_t Size) {
    return std::uniform_int_distribution<size_t>(0, Size - 1)(Random);
  };
  unsigned Read = 0;
  for (unsigned Case = 0; Case < 20000; ++Case) {
    std::string Mutated = Bytes;
    switch (Case % 5) {
    case 0:
      Mutated[Position(Mutated.size())] ^= char(1 << (Case % 8));
      break;
    case 1:
      Mutated.resize(Position(Mutated.size()));
      break;
    case 2:
      Mutated.insert(Position(Mutated.size()), 1, char(Random()));
      break;
    case 3: // a varint that never ends, or a huge count
      Mutated.replace(Position(Mutated.size()), 1, "\xff\xff\xff\xff\x7f");
      break;
    case 4:
      for (int N = 0; N < 4; ++N)
        Mutated[Position(Mutated.size())] = char(Random());
      break;
    }
    llvm::Expected<ReadResult> Result = read(Mutated);
    if (Result)
      ++Read;
    else
      llvm::consumeError(Result.takeError());
  }
  // Damage inside a unit's record leaves the rest readable.
  EXPECT_GT(Read, 0u);
}

TEST(Format, MergeKeepsOneUnitPerFileTheLastOne) {
  auto UnitNamed = [](const char *File, const char *Command) {
    Unit U;
    U.MainFile = File;
    U.Command = Command;
    return U;
  };
  Index Old, New;
  Old.Units = {UnitNamed("/p/b.cpp", "old"), UnitNamed("/p/a.cpp", "old")};
  New.Units = {UnitNamed("/p/b.cpp", "new")};
  Index Merged = merge({Old, New});
  ASSERT_EQ(Merged.Units.size(), 2u);
  EXPECT_EQ(Merged.Units[0].MainFile, "/p/a.cpp");
  EXPECT_EQ(Merged.Units[1].Command, "new");
}

TEST(Format, MapPathsRewritesEveryPath) {
  Index I = filled(3);
  mapPaths(I, [](std::string &Path) { Path = "/mapped" + Path; });
  const std::string Text = dumped(I);
  size_t Paths = 0;
  for (size_t At = Text.find("/p/file"); At != std::string::npos;
       At = Text.find("/p/file", At + 1)) {
    ++Paths;
    EXPECT_EQ(Text.substr(At - 7, 7), "/mapped");
  }
  EXPECT_GT(Paths, 10u);
}

TEST(Format, ConcurrentUpdatesLoseNothing) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("stateless-update", Dir));
  const std::string Path = (Dir + "/stateless.index").str();
  auto Add = [](const char *File) {
    return [File](Index &I) {
      Unit U;
      U.MainFile = File;
      I.Units.push_back(U);
      return true;
    };
  };
  // LLVM installs its signal handlers, with an alternate signal stack, in
  // the thread that first writes a file: let it be the main one, as in the
  // tools (ASan cannot free, at a thread's exit, a stack it did not make).
  ASSERT_FALSE(bool(writeFile(Index(), Path)));
  // The first writer holds the index while the second one asks for it: the
  // second waits for the lock, then reads what the first wrote.
  std::atomic<bool> Reading{false};
  std::thread First([&] {
    llvm::Expected<bool> Written = updateFile(Path, [&](Index &I) {
      Reading = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return Add("/p/a.cpp")(I);
    });
    EXPECT_TRUE(Written && *Written);
  });
  while (!Reading)
    std::this_thread::yield();
  llvm::Expected<bool> Second = updateFile(Path, Add("/p/b.cpp"));
  First.join();
  ASSERT_TRUE(Second && *Second);
  llvm::Expected<ReadResult> Read = readFile(Path);
  ASSERT_TRUE(bool(Read));
  ASSERT_EQ(Read->Read.Units.size(), 2u);

  // A unit stored again as it is leaves the file alone; a changed one
  // replaces it, keeping the compile command it was indexed with.
  Unit B;
  B.MainFile = "/p/b.cpp";
  B.Command = "cc b.cpp";
  ASSERT_TRUE(*storeUnit(Path, B));
  B.Command.clear();
  EXPECT_FALSE(*storeUnit(Path, B));
  B.Functions.emplace_back();
  B.Functions.back().USR = "c:@F@f#";
  EXPECT_TRUE(*storeUnit(Path, B));
  Read = readFile(Path);
  ASSERT_TRUE(bool(Read));
  ASSERT_EQ(Read->Read.Units.size(), 2u);
  EXPECT_EQ(Read->Read.Units[1].Command, "cc b.cpp");
  EXPECT_EQ(Read->Read.Units[1].Functions.size(), 1u);
  llvm::sys::fs::remove_directories(Dir);
}

TEST(Inputs, CodeHashIgnoresCommentsAndWhitespaceThatMoveNoCode) {
  const std::string Base = "int x = 1; // one\n"
                           "/* a\n   b */ const char *s = \"a  b\";\n"
                           "auto r = R\"(x // y)\";\n";
  auto Same = [&](const std::string &Edited) {
    return codeHash(Base) == codeHash(Edited);
  };
  EXPECT_TRUE(Same("int x = 1; // uno\n"
                   "/* c\n   d */ const char *s = \"a  b\";\n"
                   "auto r = R\"(x // y)\";   \n"));
  EXPECT_TRUE(Same(Base + "// the end\n\n"));
  // A line more before the code moves it: its places are not the same.
  EXPECT_FALSE(Same("// new\n" + Base));
  EXPECT_FALSE(Same("int  x = 1; // one\n" + Base.substr(Base.find('\n') + 1)));
  // Literals are code, their spaces and comment-like text too.
  std::string Edited = Base;
  EXPECT_FALSE(Same(Edited.replace(Edited.find("a  b"), 4, "a   ")));
  Edited = Base;
  EXPECT_FALSE(Same(Edited.replace(Edited.find("// y"), 4, "// z")));
  // A line comment goes on after a backslash at its end.
  EXPECT_EQ(codeHash("// a \\\nstill a comment\nint x;\n"),
            codeHash("// a \\\nanother one    \nint x;\n"));
  EXPECT_NE(codeHash("int x;\n"), codeHash("int y;\n"));
}

TEST(ProjectIndex, StaleAndMissingInputs) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("stateless-index", Dir));
  std::string Header = (Dir + "/h.h").str();
  std::ofstream(Header) << "int x;\n";
  Unit U;
  U.MainFile = (Dir + "/a.cpp").str();
  U.Inputs.push_back(*readInput(Header));
  Index I;
  I.Units.push_back(U);
  std::string Path = (Dir + "/stateless.index").str();
  ASSERT_FALSE(bool(writeFile(I, Path)));

  llvm::Expected<std::shared_ptr<const ProjectIndex>> Opened =
      ProjectIndex::open(Path);
  ASSERT_TRUE(bool(Opened));
  const ProjectIndex &Loaded = **Opened;
  // Files are looked at again by each analysis (each set of files seen).
  auto Stale = [&] {
    ProjectIndex::FilesSeen Seen;
    return Loaded.isStale(0, Seen);
  };
  EXPECT_FALSE(Stale());
  // Another modification time alone (a fresh checkout) is not a change.
  int FD = -1;
  ASSERT_FALSE(llvm::sys::fs::openFileForWrite(
      Header, FD, llvm::sys::fs::CD_OpenExisting, llvm::sys::fs::OF_Append));
  ASSERT_FALSE(llvm::sys::fs::setLastAccessAndModificationTime(
      FD, llvm::sys::TimePoint<>(std::chrono::seconds(1000000))));
  ::close(FD);
  EXPECT_FALSE(Stale());
  // Nor is a comment that moves no code: the facts hold.
  std::ofstream(Header, std::ios::app) << "// y\n";
  EXPECT_EQ(freshness(*Loaded.inputFiles(0).front()), Freshness::SameCode);
  EXPECT_FALSE(Stale());
  std::ofstream(Header, std::ios::app) << "int y;\n";
  EXPECT_TRUE(Stale());
  // A unit whose file is gone is out of date; the others are used.
  llvm::sys::fs::remove(Header);
  EXPECT_TRUE(Stale());
  EXPECT_TRUE(bool(ProjectIndex::get(Path)));
  llvm::sys::fs::remove_directories(Dir);
}

TEST(ProjectIndex, FoundWhereClangdFindsTheDatabase) {
  llvm::SmallString<128> Root;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("stateless-find", Root));
  for (const char *Dir : {"/build/src", "/src/api"})
    ASSERT_FALSE(llvm::sys::fs::create_directories(Root + Dir));
  std::string Index = (Root + "/build/" + ProjectIndex::FileName).str();
  std::ofstream(Index) << "";
  // From a Makefile build's subdirectory, from the build directory itself,
  // and from a source directory (its parent's build/).
  EXPECT_EQ(ProjectIndex::find((Root + "/build/src").str()), Index);
  EXPECT_EQ(ProjectIndex::find((Root + "/build").str()), Index);
  EXPECT_EQ(ProjectIndex::find((Root + "/src/api").str()), Index);
  llvm::sys::fs::remove(Index);
  EXPECT_FALSE(ProjectIndex::find((Root + "/src/api").str()).has_value());
  llvm::sys::fs::remove_directories(Root);
}

} // namespace
} // namespace index
} // namespace stateless

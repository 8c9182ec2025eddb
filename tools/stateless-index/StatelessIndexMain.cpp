//===--- StatelessIndexMain.cpp - builds the project index -----------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//   stateless-index -p BUILD [FILE...]        index (or update) BUILD/stateless.index
//   stateless-index --shard -o DIR -p BUILD FILE...   one shard per unit into DIR
//   stateless-index --shard -o FILE.shard -p BUILD FILE   ... or into FILE.shard
//   stateless-index --merge DIR -o INDEX      join the shards of DIR (and below)
//   stateless-index --dump INDEX              print an index as text
//   stateless-index -p BUILD --findings       index, then print the checks'
//                                             findings from the index
//   stateless-index -p BUILD --findings --baseline BASE.index
//                                             ... only those BASE has not
//
// --first=FILE indexes the units named first and writes the index once they
// are done, so that an editor's open files get their facts before the rest.
//
// --path-prefix-map=OLD=NEW rewrites the paths a shard or an index stores,
// as compilers' -ffile-prefix-map does: a shard made in a build sandbox or on
// another machine names its files under a fixed directory, and --merge maps
// that to where the checks run.
//
// With no file named, every unit of the compilation database (or those
// --filter selects) is indexed, on --execute-concurrency threads; updating
// an index re-indexes only the units whose compile command or input files
// changed since they were indexed. A unit that cannot be parsed, written or
// read is left out and named; the others are indexed.
//
//===----------------------------------------------------------------------===//

#include "Format.h"
#include "Indexer.h"
#include "Inputs.h"
#include "ProjectIndex.h"
#include "Report.h"
#include "Version.h"
#include "stateless/annotations.h"

#include "clang/Tooling/AllTUsExecution.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#ifdef LLVM_ON_UNIX
#include <sys/resource.h>
#endif
#include <map>
#include <utility>
#include <thread>

using namespace clang::tooling;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace stateless {
namespace {

llvm::cl::OptionCategory Category("stateless-index options");

llvm::cl::opt<std::string>
    BuildPath("p", llvm::cl::desc("The build directory (holding "
                                  "compile_commands.json)"),
              llvm::cl::value_desc("dir"), llvm::cl::cat(Category));
llvm::cl::list<std::string> SourceFiles(llvm::cl::Positional,
                                        llvm::cl::desc("[<file> ...]"),
                                        llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    Output("o", llvm::cl::desc("Where to write the index (default: "
                               "stateless.index in the build directory), or "
                               "with --shard, the directory of the shards or, "
                               "for one file, the FILE.shard to write"),
           llvm::cl::value_desc("path"), llvm::cl::cat(Category));
llvm::cl::opt<bool> Shard("shard",
                          llvm::cl::desc("Write one shard per unit into the "
                                         "directory -o names, for --merge"),
                          llvm::cl::cat(Category));
llvm::cl::opt<std::string>
    Merge("merge", llvm::cl::desc("Join the shards (*.shard) of a directory "
                                  "and its subdirectories into the index -o "
                                  "names"),
          llvm::cl::value_desc("dir"), llvm::cl::cat(Category));
llvm::cl::opt<std::string> Dump("dump",
                                llvm::cl::desc("Print an index or shard as text"),
                                llvm::cl::value_desc("file"),
                                llvm::cl::cat(Category));
llvm::cl::opt<bool> Background(
    "background",
    llvm::cl::desc("Run at the lowest CPU priority and report progress as "
                   "lines '[done/total]' (how stateless-clangd runs it)"),
    llvm::cl::cat(Category));
llvm::cl::list<std::string> First(
    "first",
    llvm::cl::desc("Index this unit, when it is to be indexed, before the "
                   "others, and write the index once such units are done "
                   "(repeatable, in order; stateless-clangd names the files "
                   "open in the editor, most recently opened first)"),
    llvm::cl::value_desc("file"), llvm::cl::cat(Category));
llvm::cl::opt<bool> Findings(
    "findings",
    llvm::cl::desc("Once the units are indexed, print the findings of the "
                   "stateless-* checks from the index, as stateless-tidy "
                   "prints them (the checks, options, header filter and "
                   "NOLINT comments of the units' .clang-tidy files): each "
                   "unit is parsed once"),
    llvm::cl::cat(Category));
llvm::cl::opt<std::string> ChecksOverride(
    "checks",
    llvm::cl::desc("With --findings: checks to enable or disable, on top of "
                   "the .clang-tidy files (as clang-tidy's --checks)"),
    llvm::cl::cat(Category));
llvm::cl::opt<std::string> Config(
    "config",
    llvm::cl::desc("With --findings: the configuration in place of the "
                   ".clang-tidy files, as clang-tidy's --config (over them "
                   "with InheritParentConfig: true)"),
    llvm::cl::cat(Category));
llvm::cl::opt<std::string> HeaderFilter(
    "header-filter",
    llvm::cl::desc("With --findings: the headers to show findings in (as "
                   "clang-tidy's --header-filter)"),
    llvm::cl::cat(Category));
llvm::cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    llvm::cl::desc("With --findings: checks whose findings are errors (as "
                   "clang-tidy's --warnings-as-errors)"),
    llvm::cl::cat(Category));
llvm::cl::opt<std::string> ExportFixes(
    "export-fixes",
    llvm::cl::desc("With --findings: write the findings as clang-tidy's "
                   "--export-fixes YAML (for stateless-sarif.py)"),
    llvm::cl::value_desc("file"), llvm::cl::cat(Category));
llvm::cl::opt<std::string> ExportFindings(
    "export-findings",
    llvm::cl::desc("With --findings: write each unit's findings as JSON into "
                   "this directory, as the ExportFindings option does (for "
                   "stateless-report)"),
    llvm::cl::value_desc("dir"), llvm::cl::cat(Category));
llvm::cl::opt<std::string> Baseline(
    "baseline",
    llvm::cl::desc("With --findings: an index of the code before the change "
                   "(a pull request's base, restored from a cache; it may be "
                   "the index being updated, which is read first; read as if "
                   "in its place): show only the findings it does not have"),
    llvm::cl::value_desc("index"), llvm::cl::cat(Category));
llvm::cl::list<std::string> PathPrefixMap(
    "path-prefix-map",
    llvm::cl::desc("Store the paths under OLD as under NEW, in shards and "
                   "indexes (repeatable; the last that matches wins)"),
    llvm::cl::value_desc("OLD=NEW"), llvm::cl::cat(Category));
llvm::cl::list<std::string>
    ExtraArgs("extra-arg",
              llvm::cl::desc("An argument to append to the compile commands"),
              llvm::cl::cat(Category));
llvm::cl::list<std::string> ExtraArgsBefore(
    "extra-arg-before",
    llvm::cl::desc("An argument to prepend to the compile commands"),
    llvm::cl::cat(Category));

constexpr llvm::StringLiteral ShardExtension = ".shard";

int fail(const llvm::Twine &Message) {
  llvm::errs() << "stateless-index: error: " << Message << "\n";
  return 1;
}

/// Names, in one warning, the units that were left out.
void warnLeftOut(llvm::ArrayRef<std::string> Units, llvm::StringRef Why) {
  if (Units.empty())
    return;
  llvm::errs() << "stateless-index: warning: " << Units.size()
               << (Units.size() == 1 ? " unit" : " units") << " left out ("
               << Why << "): " << index::namesOfUnits(Units) << "\n";
}

std::string sizeOf(llvm::StringRef File) {
  uint64_t Size = 0;
  if (fs::file_size(File, Size))
    return "size unknown";
  return Size >= 10240 ? std::to_string(Size / 1024) + " KiB"
                       : std::to_string(Size) + " bytes";
}

/// Writes \p I to \p Path, naming the units it cannot hold.
bool writeIndex(const index::Index &I, llvm::StringRef Path) {
  std::vector<std::string> LeftOut;
  if (llvm::Error E = index::writeFile(I, Path, &LeftOut)) {
    fail(llvm::toString(std::move(E)));
    return false;
  }
  warnLeftOut(LeftOut, "they hold values the index format cannot represent");
  return true;
}

/// Joins this run's units into the index at \p Path as it is now: what
/// another writer (the editor, a second run) stored meanwhile is kept, the
/// units indexed here replace theirs, and with \p Database only the units it
/// lists remain.
bool updateIndex(llvm::StringRef Path, index::Index Fresh,
                 const llvm::StringSet<> *Database) {
  std::vector<std::string> LeftOut;
  llvm::Expected<bool> Written = index::updateFile(
      Path,
      [&](index::Index &OnDisk) {
        const size_t Stored = OnDisk.Units.size();
        if (Database)
          llvm::erase_if(OnDisk.Units, [&](const index::Unit &U) {
            return !Database->contains(U.MainFile);
          });
        const bool Dropped = OnDisk.Units.size() != Stored;
        const bool Indexed = !Fresh.Units.empty();
        std::vector<index::Index> Parts;
        Parts.push_back(std::move(OnDisk));
        Parts.push_back(std::move(Fresh)); // an initializer list would copy
        OnDisk = index::merge(std::move(Parts));
        // Left as it is when this run changed nothing in it.
        return Dropped || Indexed || OnDisk.Units.size() != Stored;
      },
      &LeftOut);
  if (!Written) {
    fail(llvm::toString(Written.takeError()));
    return false;
  }
  warnLeftOut(LeftOut, "they hold values the index format cannot represent");
  return true;
}

/// On a terminal, "[done/total] elapsed" on one line while units run; with
/// --background, a line each time it changes.
class Progress {
public:
  STATELESS_ALLOW(other, "the progress line of one command-line run")
  Progress(unsigned Total, const std::atomic<unsigned> &Done)
      : Total(Total), Done(Done) {
    const bool Lines = Background;
    if ((!Lines && !llvm::sys::Process::StandardErrIsDisplayed()) ||
        Total == 0)
      return;
    Ticker = std::thread([this, Lines] {
      unsigned Shown = ~0u;
      while (!Stop) {
        if (!Lines)
          llvm::errs() << "\rstateless-index: [" << this->Done << "/"
                       << this->Total << "] "
                       << llvm::format("%.1f", seconds()) << " s";
        else if (Shown != this->Done)
          llvm::errs() << "stateless-index: [" << (Shown = this->Done) << "/"
                       << this->Total << "]\n";
        llvm::errs().flush();
        for (int I = 0; I < 5 && !Stop; ++I)
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      if (!Lines)
        llvm::errs() << "\r\x1b[K";
    });
  }
  ~Progress() {
    Stop = true;
    if (Ticker.joinable())
      Ticker.join();
  }
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         Start)
        .count();
  }

private:
  const unsigned Total;
  const std::atomic<unsigned> &Done;
  const std::chrono::steady_clock::time_point Start =
      std::chrono::steady_clock::now();
  std::atomic<bool> Stop{false};
  std::thread Ticker;
};

// --- --dump ----------------------------------------------------------------

int dumpIndex(llvm::StringRef File) {
  llvm::Expected<index::ReadResult> Read = index::readFile(File);
  if (!Read)
    return fail(llvm::toString(Read.takeError()));
  index::dump(Read->Read, llvm::outs());
  warnLeftOut(Read->LeftOut, "damaged");
  return 0;
}

// --- --merge ---------------------------------------------------------------

/// The shards of a directory and its subdirectories, oldest first, so that
/// the newest shard of a unit wins (an output tree keeps those of targets
/// built before); links there (Bazel's runfiles) are not followed.
llvm::Expected<std::vector<std::string>> shardsIn(llvm::StringRef Directory) {
  std::vector<std::pair<llvm::sys::TimePoint<>, std::string>> Listed;
  std::error_code EC;
  for (fs::recursive_directory_iterator It(Directory, EC,
                                           /*follow_symlinks=*/false),
       End;
       It != End && !EC; It.increment(EC)) {
    fs::file_status Status;
    if (path::extension(It->path()) == ShardExtension &&
        !fs::status(It->path(), Status))
      Listed.emplace_back(Status.getLastModificationTime(), It->path());
  }
  if (EC)
    return llvm::createStringError(EC, "cannot read the directory '%s': %s",
                                   Directory.str().c_str(),
                                   EC.message().c_str());
  llvm::sort(Listed);
  std::vector<std::string> Shards;
  Shards.reserve(Listed.size());
  for (auto &Entry : Listed)
    Shards.push_back(std::move(Entry.second));
  return Shards;
}

int mergeShards(llvm::StringRef Directory, const index::PathPrefixMap &Paths) {
  if (Output.empty())
    return fail("--merge needs -o, the index to write");
  llvm::Expected<std::vector<std::string>> Shards = shardsIn(Directory);
  if (!Shards)
    return fail(llvm::toString(Shards.takeError()));
  if (Shards->empty())
    return fail("'" + Directory + "' holds no shards (*" + ShardExtension +
                "); write them with --shard");
  std::vector<index::Index> Parts;
  std::vector<std::string> LeftOut;
  for (const std::string &Shard : *Shards) {
    llvm::Expected<index::ReadResult> Read = index::readFile(Shard);
    if (!Read) {
      LeftOut.push_back(Shard + " (" + llvm::toString(Read.takeError()) + ")");
      continue;
    }
    llvm::append_range(LeftOut, Read->LeftOut);
    Paths.apply(Read->Read);
    Parts.push_back(std::move(Read->Read));
  }
  warnLeftOut(LeftOut, "damaged or unreadable");
  index::Index Merged = index::merge(std::move(Parts));
  index::LocalFiles Found = index::adoptLocalFiles(Merged);
  if (Merged.Units.empty())
    return fail(Found.Example.empty()
                    ? "no shard could be read"
                    : "no unit of the shards names files that exist here "
                      "(such as '" +
                          Found.Example +
                          "'): map the directory they were made in to this "
                          "one with --path-prefix-map=OLD=NEW");
  if (!writeIndex(Merged, Output))
    return 1;
  llvm::raw_ostream &OS = llvm::errs();
  unsigned Total = Merged.Units.size() + Found.Missing;
  if (Found.Missing)
    OS << "stateless-index: note: " << Found.Missing << " of " << Total
       << " units name files that do not exist here (such as '"
       << Found.Example << "'), left out: deleted since, or not mapped with "
       << "--path-prefix-map\n";
  if (Found.Changed)
    OS << "stateless-index: note: the files of " << Found.Changed << " of "
       << Total << " units differ from the ones here: the checks leave those "
       << "units out until they are indexed again\n";
  OS << "stateless-index: merged " << Shards->size() << " shards ("
     << Merged.Units.size() << " units) into " << Output << " ("
     << sizeOf(Output) << ")\n";
  return 0;
}

// --- Indexing ----------------------------------------------------------------

/// The compilation database: -p's, or the flags after `--` for every file;
/// with --extra-arg(-before) and clang's built-in headers applied.
std::unique_ptr<CompilationDatabase>
openDatabase(std::unique_ptr<CompilationDatabase> Fixed,
             llvm::StringRef Build, bool ResourceDirGiven,
             std::string &Problem) {
  std::unique_ptr<CompilationDatabase> Database = std::move(Fixed);
  if (!Database && Build.empty()) {
    Problem = "name the build directory (holding compile_commands.json) "
              "with -p, or the compile flags after --";
    return nullptr;
  }
  if (!Database) {
    std::string Unused;
    Database = CompilationDatabase::loadFromDirectory(Build, Unused);
  }
  if (!Database) {
    Problem = "no compilation database in '" + Build.str() +
              "': it holds no compile_commands.json";
    return nullptr;
  }
  auto Adjusted =
      std::make_unique<ArgumentsAdjustingCompilations>(std::move(Database));
  Adjusted->appendArgumentsAdjuster(
      getInsertArgumentAdjuster(ExtraArgsBefore, ArgumentInsertPosition::BEGIN));
  Adjusted->appendArgumentsAdjuster(
      getInsertArgumentAdjuster(ExtraArgs, ArgumentInsertPosition::END));
  // The units are parsed as stateless-tidy parses them: with the built-in
  // headers of the clang it was built against.
  if (!ResourceDirGiven)
    Adjusted->appendArgumentsAdjuster(getInsertArgumentAdjuster(
        "-resource-dir=" STATELESS_CLANG_RESOURCE_DIR,
        ArgumentInsertPosition::BEGIN));
  return Adjusted;
}

/// Picks the units of \p Files that an existing index holds current: same
/// compile command, input files unchanged. Those are left where they are
/// (only their command and file positions are read); those whose files
/// changed in comments or whitespace only keep their facts, with the files
/// as they are now, in \p Refreshed. The rest of \p Files is to be indexed.
void keepCurrent(const index::StoredIndex &Existing,
                 const CompilationDatabase &Database,
                 const std::vector<std::string> &Files,
                 const index::PathPrefixMap &Paths,
                 std::vector<std::string> &ToIndex,
                 std::vector<index::Unit> &Refreshed) {
  // Each file is looked at once, however many units include it.
  std::vector<std::optional<index::Freshness>> Seen(Existing.files());
  auto FreshnessOf = [&](unsigned Position) {
    std::optional<index::Freshness> &Known = Seen[Position];
    if (!Known)
      Known = index::freshness(Existing.file(Position));
    return *Known;
  };
  for (const std::string &File : Files) {
    std::string MainFile = index::absolutePath(File);
    Paths.apply(MainFile);
    std::optional<unsigned> U = Existing.unitOf(MainFile);
    std::vector<CompileCommand> Commands = Database.getCompileCommands(File);
    if (!U || Commands.empty() ||
        Existing.commandOf(*U) != commandId(Commands.front())) {
      ToIndex.push_back(File);
      continue;
    }
    const std::vector<unsigned> Inputs = Existing.inputsOf(*U);
    if (Inputs.empty() || llvm::any_of(Inputs, [&](unsigned F) {
          return FreshnessOf(F) == index::Freshness::Changed;
        })) {
      ToIndex.push_back(File);
      continue;
    }
    if (llvm::none_of(Inputs, [&](unsigned F) {
          return FreshnessOf(F) == index::Freshness::SameCode;
        }))
      continue;
    std::optional<index::Unit> Stored = Existing.readUnit(*U);
    if (!Stored) {
      ToIndex.push_back(File);
      continue;
    }
    // In the order inputsOf() lists them.
    for (size_t I = 0; I < Stored->Inputs.size() && I < Inputs.size(); ++I)
      if (FreshnessOf(Inputs[I]) == index::Freshness::SameCode)
        if (std::optional<index::InputFile> Now =
                index::readInput(Stored->Inputs[I].Path))
          Stored->Inputs[I] = std::move(*Now);
    Refreshed.push_back(std::move(*Stored));
  }
}

/// Where --shard writes the shard of \p MainFile.
std::string shardPath(llvm::StringRef MainFile, bool OneShard) {
  if (OneShard)
    return Output;
  llvm::SmallString<256> File(Output);
  path::append(File, path::filename(MainFile) + "-" +
                         llvm::utohexstr(llvm::xxHash64(MainFile)) +
                         ShardExtension);
  return std::string(File);
}

int indexUnits(const CompilationDatabase &Database,
               const index::PathPrefixMap &Paths, llvm::StringRef Build) {
  // -o FILE.shard: exactly that file, as a build system declared it.
  const bool OneShard = Shard && path::extension(Output) == ShardExtension;
  if (Shard && Output.empty())
    return fail("--shard needs -o, the directory to write the shards into");
  if (OneShard && SourceFiles.size() != 1)
    return fail("-o " + Output + " is one shard: name one file to index into "
                "it, or a directory for the shards");
  std::string Index = Output;
  if (!Shard && Index.empty()) {
    if (Build.empty())
      return fail("name the build directory with -p, or the index with -o");
    llvm::SmallString<256> Default(Build);
    path::append(Default, ProjectIndex::FileName);
    Index = std::string(Default);
  }
  // Read before this run updates it (it may be the same file), and as if
  // in its place: a base kept elsewhere names this checkout's files.
  std::shared_ptr<const ProjectIndex> Base;
  if (!Baseline.empty()) {
    llvm::Expected<std::shared_ptr<const ProjectIndex>> Read =
        ProjectIndex::open(Baseline, Index);
    if (!Read)
      return fail("cannot use the baseline: " +
                  llvm::toString(Read.takeError()));
    Base = std::move(*Read);
    warnLeftOut(Base->leftOut(), "damaged, in the baseline");
  }

  // The units: those named, or every unit of the database (that --filter
  // selects), less those an existing index holds unchanged.
  const bool AllUnits = SourceFiles.empty();
  // Absolute, as the units' facts name them and the database knows them.
  std::vector<std::string> Files;
  for (const std::string &File : SourceFiles)
    Files.push_back(index::absolutePath(File));
  if (AllUnits) {
    llvm::Regex Selected(Filter);
    for (const std::string &File : Database.getAllFiles())
      if (Selected.match(File))
        Files.push_back(File);
    if (Files.empty())
      return fail(Database.getAllFiles().empty()
                      ? "the compilation database holds no units"
                      : "no unit of the compilation database matches --filter");
  }
  std::vector<std::string> ToIndex;
  std::vector<index::Unit> Refreshed;
  bool Compared = false;
  if (AllUnits && !Shard && fs::exists(Index)) {
    llvm::Expected<index::IndexFile> Read = index::loadFile(Index);
    llvm::Expected<std::unique_ptr<index::StoredIndex>> Existing =
        Read ? index::StoredIndex::open(Read->Bytes->getBuffer(),
                                        Read->Directory)
             : Read.takeError();
    Compared = bool(Existing);
    if (Existing) // damaged units are indexed again
      keepCurrent(**Existing, Database, Files, Paths, ToIndex, Refreshed);
    else
      llvm::errs() << "stateless-index: note: indexing every unit again, since "
                   << llvm::toString(Existing.takeError()) << "\n";
  }
  if (!Compared)
    ToIndex = Files;
  const size_t SameCode = Refreshed.size();

  // As the units' facts name their main files.
  llvm::StringSet<> Listed;
  for (const std::string &File : Files) {
    std::string MainFile = index::absolutePath(File);
    Paths.apply(MainFile);
    Listed.insert(MainFile);
  }
  const size_t ToParse = ToIndex.size();
  // The units --first names, in its order, then the others.
  std::vector<std::vector<std::string>> Batches(1);
  for (const std::string &Named : First) {
    auto It = llvm::find(ToIndex, index::absolutePath(Named));
    if (It == ToIndex.end())
      continue;
    Batches.front().push_back(std::move(*It));
    ToIndex.erase(It);
  }
  Batches.push_back(std::move(ToIndex));

  std::atomic<unsigned> Done{0};
  Indexed Result;
  index::Index Fresh;
  Fresh.Units = std::move(Refreshed);
  double Seconds = 0;
  {
    Progress Shown(ToParse, Done);
    for (std::vector<std::string> &Batch : Batches) {
      if (Batch.empty())
        continue;
      Indexed Part = stateless::indexUnits(
          Database, Batch,
          ExecutorConcurrency
              ? unsigned(ExecutorConcurrency)
              : std::max(1u, std::thread::hardware_concurrency()),
          Done);
      llvm::append_range(Result.Failed, Part.Failed);
      llvm::append_range(Result.WithErrors, Part.WithErrors);
      index::Index Batched;
      Batched.Units = std::move(Part.Units);
      Paths.apply(Batched);
      // The units --first names are written as soon as they are done.
      if (!Shard && &Batch != &Batches.back()) {
        if (!updateIndex(Index, std::move(Batched),
                         AllUnits ? &Listed : nullptr))
          return 1;
        llvm::errs() << "stateless-index: wrote the " << Batch.size()
                     << (Batch.size() == 1 ? " unit" : " units")
                     << " --first names\n";
        continue;
      }
      Fresh.Units.insert(Fresh.Units.end(),
                         std::make_move_iterator(Batched.Units.begin()),
                         std::make_move_iterator(Batched.Units.end()));
    }
    Seconds = Shown.seconds();
  }

  if (Shard) {
    llvm::StringRef Directory = OneShard ? path::parent_path(Output) : Output;
    if (!Directory.empty())
      if (std::error_code EC = fs::create_directories(Directory))
        return fail("cannot create '" + Directory + "': " + EC.message());
    for (index::Unit &U : Fresh.Units) {
      const std::string File = shardPath(U.MainFile, OneShard);
      index::Index One;
      One.Units.push_back(std::move(U));
      if (!writeIndex(One, File))
        return 1;
    }
  } else {
    if (!updateIndex(Index, std::move(Fresh),
                     AllUnits ? &Listed : nullptr))
      return 1;
  }

  llvm::raw_ostream &OS = llvm::errs();
  OS << "stateless-index: " << ToParse - Result.Failed.size() << " of "
     << Files.size() << " units indexed";
  if (!Shard)
    OS << ", " << Files.size() - ToParse << " unchanged (skipped"
       << (SameCode ? "; " + std::to_string(SameCode) +
                          " with comments or whitespace edited only"
                    : "")
       << ")";
  if (!Result.WithErrors.empty())
    OS << ", " << Result.WithErrors.size() << " with compile errors";
  OS << " in " << llvm::format("%.1f", Seconds) << " s; wrote "
     << (Shard ? Output : Index + " (" + sizeOf(Index) + ")") << "\n";
  for (const std::string &File : Result.Failed)
    OS << "stateless-index: error: could not index '" << File << "'\n";
  int Status = Result.Failed.empty() ? 0 : 1;
  if (Findings) {
    llvm::Expected<std::shared_ptr<const ProjectIndex>> Read =
        ProjectIndex::get(Index);
    if (!Read)
      return fail(llvm::toString(Read.takeError()));
    std::vector<std::string> MainFiles;
    for (const auto &Entry : Listed)
      MainFiles.push_back(Entry.getKey().str());
    llvm::sort(MainFiles);
    ReportSettings Settings;
    auto Given = [](const llvm::cl::opt<std::string> &Option)
        -> std::optional<std::string> {
      if (Option.getNumOccurrences() == 0)
        return std::nullopt;
      return Option.getValue();
    };
    Settings.Checks = Given(ChecksOverride);
    Settings.Config = Given(Config);
    Settings.HeaderFilter = Given(HeaderFilter);
    Settings.WarningsAsErrors = Given(WarningsAsErrors);
    Settings.ExportFixes = ExportFixes;
    Settings.ExportFindings = ExportFindings;
    Settings.BuildDirectory = index::absolutePath(Build.empty() ? "." : Build);
    Settings.Baseline = std::move(Base);
    Status |= reportFindings(*Read, MainFiles, Settings,
                             llvm::outs());
    // As clang-tidy fails on a unit that does not compile.
    if (!Result.WithErrors.empty()) {
      OS << "stateless-index: error: "
         << (Result.WithErrors.size() == 1 ? "a unit does" : "units do")
         << " not compile (the findings are from what parsed): "
         << llvm::join(Result.WithErrors, ", ") << "\n";
      Status = 1;
    }
  }
  return Status;
}

int run(int Argc, const char **Argv) {
  // The compile flags after `--` make a database for every file named.
  std::string FixedProblem;
  std::unique_ptr<CompilationDatabase> Fixed =
      FixedCompilationDatabase::loadFromCommandLine(Argc, Argv, FixedProblem);
  llvm::cl::HideUnrelatedOptions(Category);
  if (!llvm::cl::ParseCommandLineOptions(Argc, Argv, "", &llvm::errs()))
    return 1;
  llvm::Expected<index::PathPrefixMap> Paths =
      index::PathPrefixMap::parse(PathPrefixMap);
  if (!Paths)
    return fail(llvm::toString(Paths.takeError()));
  if (!Dump.empty())
    return dumpIndex(Dump);
#ifdef LLVM_ON_UNIX
  if (Background)
    ::setpriority(PRIO_PROCESS, 0, 19);
#endif
  if (Findings && (Shard || !Merge.empty()))
    return fail("--findings reads the index it updates: it cannot be used "
                "with --shard or --merge");
  if (!Findings)
    for (const llvm::cl::Option *WithFindings :
         std::initializer_list<const llvm::cl::Option *>{
             &ChecksOverride, &Config, &HeaderFilter, &WarningsAsErrors,
             &ExportFixes,
             &ExportFindings, &Baseline})
      if (WithFindings->getNumOccurrences())
        return fail("--" + WithFindings->ArgStr + " needs --findings");
  if (!Merge.empty())
    return mergeShards(Merge, *Paths);

  std::string Build = BuildPath;
  if (fs::is_regular_file(Build))
    Build = path::parent_path(Build).str();
  bool ResourceDirGiven = false;
  for (int I = 1; I < Argc; ++I)
    ResourceDirGiven |= llvm::StringRef(Argv[I]).contains("-resource-dir");
  std::string Problem = FixedProblem;
  std::unique_ptr<CompilationDatabase> Database =
      openDatabase(std::move(Fixed), Build, ResourceDirGiven, Problem);
  if (!Database)
    return fail(Problem);
  return indexUnits(*Database, *Paths, Build);
}

} // namespace
} // namespace stateless

int main(int Argc, const char **Argv) {
  llvm::cl::AddExtraVersionPrinter(stateless::printVersion);
  return stateless::run(Argc, Argv);
}

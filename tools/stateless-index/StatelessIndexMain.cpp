//===--- StatelessIndexMain.cpp - builds the project index -----------------===//
//
//   stateless-index -p BUILD [FILE...]        index (or update) BUILD/stateless.index
//   stateless-index --shard -o DIR -p BUILD FILE...   one shard per unit into DIR
//   stateless-index --shard -o FILE.shard -p BUILD FILE   ... or into FILE.shard
//   stateless-index --merge DIR -o INDEX      join the shards of DIR (and below)
//   stateless-index --dump INDEX              print an index as text
//
// --path-prefix-map=OLD=NEW rewrites the paths a shard or an index stores,
// as compilers' -ffile-prefix-map does: a shard made in a build sandbox or on
// another machine names its files under a fixed directory, and --merge maps
// that to where the checks run.
//
// Units run on LibTooling's executors: with no file named, every unit of the
// compilation database in parallel (all-TUs, --execute-concurrency);
// otherwise the named ones. Updating an index re-indexes only the units
// whose compile command or input files changed since they were indexed.
//
//===----------------------------------------------------------------------===//

#include "CodeFacts.h"
#include "Format.h"
#include "Frameworks.h"
#include "Inputs.h"
#include "ProjectIndex.h"
#include "ResourceDir.h"
#include "Summary.h"
#include "Usr.h"
#include "Version.h"
#include "WriteFinder.h"
#include "stateless/annotations.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/AllTUsExecution.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Execution.h"
#include "clang/Tooling/StandaloneExecution.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/xxhash.h"
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace clang;
using namespace clang::tooling;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace stateless {
namespace {

llvm::cl::OptionCategory Category("stateless-index options");

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

llvm::cl::list<std::string> PathPrefixMap(
    "path-prefix-map",
    llvm::cl::desc("Store the paths under OLD as under NEW, in shards and "
                   "indexes (repeatable; the last that matches wins)"),
    llvm::cl::value_desc("OLD=NEW"), llvm::cl::cat(Category));

constexpr llvm::StringLiteral ShardExtension = ".shard";

int fail(const llvm::Twine &Message) {
  llvm::errs() << "stateless-index: error: " << Message << "\n";
  return 1;
}

/// --path-prefix-map: a path is OLD itself or lies below it.
class PrefixMap {
public:
  /// False, with \p Problem set, when a value is no OLD=NEW.
  bool parse(std::string &Problem) {
    for (llvm::StringRef Value : PathPrefixMap) {
      auto [Old, New] = Value.split('=');
      if (Old.empty() || Old.size() == Value.size()) {
        Problem = "--path-prefix-map needs OLD=NEW, not '" + Value.str() + "'";
        return false;
      }
      Pairs.emplace_back(Old.rtrim('/').str(), New.rtrim('/').str());
    }
    return true;
  }
  void apply(std::string &Path) const {
    for (const auto &[Old, New] : llvm::reverse(Pairs)) {
      llvm::StringRef Rest = Path;
      if (Rest.consume_front(Old) && (Rest.empty() || Rest.front() == '/')) {
        Path = New + Rest.str();
        return;
      }
    }
  }
  void apply(index::Index &I) const {
    if (!Pairs.empty())
      index::mapPaths(I, [&](std::string &Path) { apply(Path); });
  }

private:
  std::vector<std::pair<std::string, std::string>> Pairs;
};

/// Identifies a compile command: a unit is indexed again when it changes.
std::string commandId(const CompileCommand &Command) {
  std::string Text = Command.Directory;
  for (const std::string &Arg : Command.CommandLine)
    (Text += '\0') += Arg;
  return llvm::utohexstr(llvm::xxHash64(Text));
}

std::string normalized(llvm::StringRef File) {
  llvm::SmallString<256> Path(File);
  if (fs::make_absolute(Path))
    return File.str();
  path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

/// The handler options of the stateless-* checks that apply to a file, from
/// the .clang-tidy files clang-tidy would read for it (global keys).
class HandlerConfiguration {
public:
  HandlerConfiguration()
      : Provider(tidy::ClangTidyGlobalOptions(), tidy::ClangTidyOptions(),
                 tidy::ClangTidyOptions()) {}

  HandlerOptions forFile(llvm::StringRef File) {
    std::lock_guard<std::mutex> Guard(Lock); // the provider caches
    tidy::ClangTidyOptions Options = Provider.getOptions(File);
    auto Read = [&](llvm::StringRef Key) {
      auto It = Options.CheckOptions.find(Key);
      std::string Value =
          It == Options.CheckOptions.end() ? "" : It->second.Value;
      std::string Error;
      RegexList List = RegexList::parse(Value, Error);
      if (!Error.empty() && Reported.insert(Key.str() + Error).second)
        llvm::errs() << "stateless-index: warning: " << Error
                     << " in option '" << Key << "'; the option is ignored\n";
      return List;
    };
    return {Read("HandlerFunctions"), Read("HandlerRegistrars"),
            Read("HandlerBaseClasses")};
  }

private:
  std::mutex Lock;
  tidy::FileOptionsProvider Provider;
  llvm::StringSet<> Reported;
};

/// What the units report, shared by the threads that index them.
struct Indexing {
  explicit Indexing(const CompilationDatabase &Database) : Database(Database) {}
  const CompilationDatabase &Database;
  HandlerConfiguration Configuration;
  std::atomic<unsigned> Done{0};
  std::atomic<unsigned> WithErrors{0};
};

class SummaryConsumer : public ASTConsumer {
public:
  SummaryConsumer(Indexing &State, ExecutionContext &Context)
      : State(State), Context(Context) {}

  void HandleTranslationUnit(ASTContext &AST) override {
    const SourceManager &SM = AST.getSourceManager();
    std::string MainFile = mainFilePath(SM);
    std::vector<CompileCommand> Commands =
        State.Database.getCompileCommands(MainFile);
    FrameworkTables Frameworks(State.Configuration.forFile(MainFile));
    CodeFacts Facts(AST, Frameworks);
    WriteFinders Finders(AST);
    index::Index Shard;
    Shard.Units.push_back(summarizeUnit(
        Facts, Finders, Commands.empty() ? "" : commandId(Commands.front()),
        /*RecordInputs=*/true));
    std::string Bytes;
    llvm::raw_string_ostream OS(Bytes);
    index::write(Shard, OS);
    OS.flush();
    if (AST.getDiagnostics().hasErrorOccurred())
      ++State.WithErrors;
    Context.reportResult(MainFile, Bytes);
  }

private:
  Indexing &State;
  ExecutionContext &Context;
};

class IndexAction : public ASTFrontendAction {
public:
  IndexAction(Indexing &State, ExecutionContext &Context)
      : State(State), Context(Context) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<SummaryConsumer>(State, Context);
  }
  void EndSourceFileAction() override { ++State.Done; }

private:
  Indexing &State;
  ExecutionContext &Context;
};

class IndexActionFactory : public FrontendActionFactory {
public:
  IndexActionFactory(Indexing &State, ExecutionContext &Context)
      : State(State), Context(Context) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<IndexAction>(State, Context);
  }
  // A unit's compile errors are counted, not printed: the checks report
  // them when they analyse the unit.
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *) override {
    IgnoringDiagConsumer Quiet;
    FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                         std::move(PCH), &Quiet);
    return true;
  }

private:
  Indexing &State;
  ExecutionContext &Context;
};

/// While alive, what the executors print per unit on stderr ("[3/40]
/// Processing file ...", "Error while processing ...") is dropped, so that
/// stateless-index shows its own progress and summary; anything else passes.
class QuietExecutors {
public:
  QuietExecutors() {
    llvm::errs().flush();
    int Pipe[2];
    if (pipe(Pipe) != 0)
      return;
    Saved = dup(STDERR_FILENO);
    dup2(Pipe[1], STDERR_FILENO);
    close(Pipe[1]);
    Reader = std::thread([this, In = Pipe[0]] {
      std::string Pending;
      char Buffer[4096];
      ssize_t Got;
      while ((Got = read(In, Buffer, sizeof Buffer)) > 0) {
        Pending.append(Buffer, Got);
        size_t End;
        while ((End = Pending.find('\n')) != std::string::npos) {
          pass(llvm::StringRef(Pending).take_front(End + 1));
          Pending.erase(0, End + 1);
        }
      }
      pass(Pending);
      close(In);
    });
  }
  ~QuietExecutors() {
    if (Saved < 0)
      return;
    llvm::errs().flush();
    dup2(Saved, STDERR_FILENO); // the pipe's last writer goes: the reader ends
    Reader.join();
    close(Saved);
  }
  /// Where stateless-index's own messages go meanwhile.
  int stderrFd() const { return Saved < 0 ? STDERR_FILENO : Saved; }

private:
  void pass(llvm::StringRef Line) {
    static const llvm::Regex PerUnit(
        "^(\\[[0-9]+/[0-9]+\\] Processing file |Error while processing )");
    if (!Line.empty() && !PerUnit.match(Line))
      (void)!write(Saved, Line.data(), Line.size());
  }

  int Saved = -1;
  std::thread Reader;
};

/// On a terminal, "[done/total] elapsed" on one line while units run.
class Progress {
public:
  STATELESS_ALLOW(other, "the progress line of one command-line run")
  Progress(int Fd, unsigned Total, const std::atomic<unsigned> &Done)
      : Total(Total), Done(Done) {
    if (!llvm::sys::Process::FileDescriptorIsDisplayed(Fd) || Total == 0)
      return;
    Ticker = std::thread([this, Fd] {
      llvm::raw_fd_ostream OS(Fd, /*shouldClose=*/false);
      while (!Stop) {
        OS << "\rstateless-index: [" << this->Done << "/" << this->Total << "] "
           << llvm::format("%.1f", seconds()) << " s";
        OS.flush();
        for (int I = 0; I < 5 && !Stop; ++I)
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      OS << "\r\x1b[K";
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

/// The -p value, for the default place of the index.
std::string buildDirectory(int Argc, const char **Argv) {
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if ((Arg == "-p" || Arg == "--p") && I + 1 < Argc)
      return Argv[I + 1];
    for (llvm::StringRef Prefix : {"-p=", "--p="})
      if (Arg.consume_front(Prefix))
        return Arg.str();
  }
  return "";
}

/// The units an index holds that are still current: same compile command,
/// input files unchanged. The rest of \p Files is to be indexed.
std::vector<index::Unit> keepCurrent(index::Index Existing,
                                     const CompilationDatabase &Database,
                                     const std::vector<std::string> &Files,
                                     const PrefixMap &Paths,
                                     std::vector<std::string> &ToIndex) {
  std::map<std::string, index::Unit> ByMainFile;
  for (index::Unit &U : Existing.Units)
    ByMainFile[U.MainFile] = std::move(U);
  std::vector<index::Unit> Kept;
  for (const std::string &File : Files) {
    std::string MainFile = normalized(File);
    Paths.apply(MainFile);
    auto It = ByMainFile.find(MainFile);
    std::vector<CompileCommand> Commands = Database.getCompileCommands(File);
    bool Current =
        It != ByMainFile.end() && !Commands.empty() &&
        It->second.Command == commandId(Commands.front()) &&
        llvm::all_of(It->second.Inputs, index::isCurrent);
    if (Current)
      Kept.push_back(std::move(It->second));
    else
      ToIndex.push_back(File);
  }
  return Kept;
}

std::string sizeOf(llvm::StringRef File) {
  uint64_t Size = 0;
  if (fs::file_size(File, Size))
    return "size unknown";
  return Size >= 10240 ? std::to_string(Size / 1024) + " KiB"
                       : std::to_string(Size) + " bytes";
}

int dump(llvm::StringRef File) {
  llvm::Expected<index::ReadResult> Read = index::readFile(File);
  if (!Read)
    return fail(llvm::toString(Read.takeError()));
  index::dump(Read->Read, llvm::outs());
  return 0;
}

/// What refreshInputs found.
struct LocalFiles {
  unsigned Missing = 0; ///< units left out
  unsigned Changed = 0; ///< units whose files differ here
  std::string Example;  ///< a file that does not exist here
};

/// Makes the units' input files describe the files here: each file with the
/// size and contents a unit was indexed with (on another machine, or taken
/// from a build cache) gets its modification time here, so that the unit is
/// current. Units that name files which do not exist here (deleted since,
/// or paths not mapped) are left out: the checks would refuse the index.
LocalFiles refreshInputs(index::Index &Merged) {
  LocalFiles Found;
  llvm::StringMap<std::optional<index::InputFile>> Here; // read once each
  std::vector<index::Unit> Kept;
  for (index::Unit &U : Merged.Units) {
    bool Missing = false, Changed = false;
    for (index::InputFile &F : U.Inputs) {
      auto [It, First] = Here.try_emplace(F.Path);
      if (First)
        It->second = index::readInput(F.Path);
      if (!It->second) {
        Missing = true;
        if (Found.Example.empty())
          Found.Example = F.Path;
      } else if (It->second->Size == F.Size && It->second->Hash == F.Hash) {
        F.ModificationTime = It->second->ModificationTime;
      } else {
        Changed = true;
      }
    }
    if (Missing) {
      ++Found.Missing;
      continue;
    }
    Found.Changed += Changed;
    Kept.push_back(std::move(U));
  }
  Merged.Units = std::move(Kept);
  return Found;
}

int merge(llvm::StringRef Directory, const PrefixMap &Paths) {
  if (Output.empty())
    return fail("--merge needs -o, the index to write");
  // The shards of a CI job's artifacts or a Bazel output tree lie in
  // subdirectories; links there (Bazel's runfiles) are not followed.
  // Several shards of one unit (an output tree keeps those of targets built
  // before): the newest wins, so they are read oldest first.
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
  llvm::sort(Listed);
  std::vector<std::string> Shards;
  Shards.reserve(Listed.size());
  for (auto &Entry : Listed)
    Shards.push_back(std::move(Entry.second));
  if (EC)
    return fail("cannot read the directory '" + Directory + "': " +
                EC.message());
  if (Shards.empty())
    return fail("'" + Directory + "' holds no shards (*" + ShardExtension +
                "); write them with --shard");
  std::vector<index::Index> Parts;
  for (const std::string &Shard : Shards) {
    llvm::Expected<index::ReadResult> Read = index::readFile(Shard);
    if (!Read)
      return fail("'" + Shard + "': " + llvm::toString(Read.takeError()));
    Paths.apply(Read->Read);
    Parts.push_back(std::move(Read->Read));
  }
  index::Index Merged = index::merge(std::move(Parts));
  LocalFiles Found = refreshInputs(Merged);
  if (Merged.Units.empty())
    return fail("no unit of the shards names files that exist here (such as '" +
                Found.Example +
                "'): map the directory they were made in to this one with "
                "--path-prefix-map=OLD=NEW");
  if (llvm::Error E = index::writeFile(Merged, Output))
    return fail(llvm::toString(std::move(E)));
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
  OS << "stateless-index: merged " << Shards.size() << " shards ("
     << Merged.Units.size() << " units) into " << Output << " ("
     << sizeOf(Output) << ")\n";
  return 0;
}

/// --merge and --dump read files only: no compilation database.
bool readsIndexesOnly(int Argc, const char **Argv) {
  for (int I = 1; I < Argc; ++I)
    for (llvm::StringRef Option : {"-merge", "--merge", "-dump", "--dump"})
      if (llvm::StringRef(Argv[I]).split('=').first == Option)
        return true;
  return false;
}

int run(int Argc, const char **Argv) {
  PrefixMap Paths;
  std::string Problem;
  if (readsIndexesOnly(Argc, Argv)) {
    llvm::cl::HideUnrelatedOptions(Category);
    if (!llvm::cl::ParseCommandLineOptions(Argc, Argv, "", &llvm::errs()))
      return 1;
    if (!Paths.parse(Problem))
      return fail(Problem);
    return Merge.empty() ? dump(Dump) : merge(Merge, Paths);
  }
  // The units are parsed as stateless-tidy parses them: with the built-in
  // headers of the clang it was built against.
  std::string ResourceDir;
  std::vector<const char *> Args = withResourceDir(
      Argc, Argv, "--extra-arg-before=-resource-dir=", ResourceDir);
  int Count = static_cast<int>(Args.size());
  auto Parser = CommonOptionsParser::create(Count, Args.data(), Category,
                                            llvm::cl::ZeroOrMore);
  if (!Parser)
    return fail(llvm::toString(Parser.takeError()));
  if (!Paths.parse(Problem))
    return fail(Problem);

  const bool AllUnits = Parser->getSourcePathList().empty();
  if (Shard && Output.empty())
    return fail("--shard needs -o, the directory to write the shards into");
  // -o FILE.shard: exactly that file, as a build system declared it.
  const bool OneShard = Shard && path::extension(Output) == ShardExtension;
  if (OneShard && Parser->getSourcePathList().size() != 1)
    return fail("-o " + Output + " is one shard: name one file to index into "
                "it, or a directory for the shards");
  std::string Build = buildDirectory(Argc, Argv);
  if (fs::is_regular_file(Build))
    Build = path::parent_path(Build).str();
  std::string DatabaseFile;
  if (AllUnits) {
    // With no file named the parser reads no database: name the database
    // itself, as clang-doc's all-TUs runs do, so that it is read with -p
    // and adjusted by --extra-arg like the named units'.
    if (Build.empty())
      return fail("name the build directory (holding compile_commands.json) "
                  "with -p");
    llvm::SmallString<256> Json(Build);
    path::append(Json, "compile_commands.json");
    if (!fs::is_regular_file(Json))
      return fail("no compilation database in '" + Build +
                  "': it holds no compile_commands.json");
    DatabaseFile = std::string(Json);
    Args.push_back(DatabaseFile.c_str());
    Count = static_cast<int>(Args.size());
    Parser = CommonOptionsParser::create(Count, Args.data(), Category,
                                         llvm::cl::ZeroOrMore);
    if (!Parser)
      return fail(llvm::toString(Parser.takeError()));
  }
  const CompilationDatabase &Database = Parser->getCompilations();
  std::string Index = Output;
  if (Index.empty()) {
    if (Build.empty())
      return fail("name the build directory with -p, or the index with -o");
    llvm::SmallString<256> Default(Build);
    path::append(Default, ProjectIndex::FileName);
    Index = std::string(Default);
  }

  // The units to run: every unit of the database (or those --filter
  // selects), less those an existing index holds unchanged; or the named.
  std::vector<std::string> Files;
  if (AllUnits) {
    llvm::Regex Selected(Filter);
    for (const std::string &File : Database.getAllFiles())
      if (Selected.match(File))
        Files.push_back(File);
    if (Files.empty())
      return fail(Database.getAllFiles().empty()
                      ? "the compilation database holds no units"
                      : "no unit of the compilation database matches --filter");
  } else {
    Files = Parser->getSourcePathList();
  }
  index::Index Existing;
  std::string ExistingProblem;
  if (!Shard && fs::exists(Index)) {
    llvm::Expected<index::ReadResult> Read = index::readFile(Index);
    if (Read)
      Existing = std::move(Read->Read);
    else
      ExistingProblem = llvm::toString(Read.takeError());
  }
  std::vector<std::string> ToIndex;
  std::vector<index::Unit> Kept;
  if (AllUnits && !Shard)
    Kept = keepCurrent(Existing, Database, Files, Paths, ToIndex);
  else
    ToIndex = Files;
  if (!ExistingProblem.empty())
    llvm::errs() << "stateless-index: note: indexing every unit again, since "
                 << ExistingProblem << "\n";

  Indexing State(Database);
  std::map<std::string, std::string> Results;
  double Seconds = 0;
  if (!ToIndex.empty()) {
    std::unique_ptr<ToolExecutor> Executor;
    if (AllUnits) {
      std::string Only = "^(";
      for (const std::string &File : ToIndex)
        Only += (Only.size() > 2 ? "|" : "") + llvm::Regex::escape(File);
      Filter = Only + ")$";
      Executor =
          std::make_unique<AllTUsToolExecutor>(Database, ExecutorConcurrency);
    } else {
      Executor = std::make_unique<StandaloneToolExecutor>(Database, ToIndex);
    }
    {
      QuietExecutors Quiet;
      Progress Shown(Quiet.stderrFd(), ToIndex.size(), State.Done);
      llvm::Error Failed = Executor->execute(std::make_unique<IndexActionFactory>(
          State, *Executor->getExecutionContext()));
      // Units that failed are named below, from their missing results.
      llvm::consumeError(std::move(Failed));
      Seconds = Shown.seconds();
    }
    Executor->getToolResults()->forEachResult(
        [&](llvm::StringRef Key, llvm::StringRef Value) {
          Results[Key.str()] = Value.str();
        });
  }

  std::vector<index::Index> Parts;
  for (auto &Entry : Results) {
    llvm::Expected<index::ReadResult> Read = index::read(Entry.second);
    if (!Read)
      return fail("'" + Entry.first + "': " + llvm::toString(Read.takeError()));
    Paths.apply(Read->Read);
    Parts.push_back(std::move(Read->Read));
  }
  std::vector<std::string> Failed;
  for (const std::string &File : ToIndex)
    if (!Results.count(normalized(File)))
      Failed.push_back(File);

  if (Shard) {
    llvm::StringRef Directory = OneShard ? path::parent_path(Output) : Output;
    if (!Directory.empty())
      if (std::error_code EC = fs::create_directories(Directory))
        return fail("cannot create '" + Directory + "': " + EC.message());
    for (const index::Index &Part : Parts) {
      const std::string &Main = Part.Units.front().MainFile;
      llvm::SmallString<256> File(Output);
      if (!OneShard)
        path::append(File, path::filename(Main) + "-" +
                               llvm::utohexstr(llvm::xxHash64(Main)) +
                               ShardExtension);
      if (llvm::Error E = index::writeFile(Part, File))
        return fail(llvm::toString(std::move(E)));
    }
  } else {
    index::Index Fresh;
    Fresh.Units = std::move(Kept);
    Parts.insert(Parts.begin(), std::move(Fresh));
    if (llvm::Error E = index::writeFile(index::merge(std::move(Parts)), Index))
      return fail(llvm::toString(std::move(E)));
  }

  llvm::raw_ostream &OS = llvm::errs();
  OS << "stateless-index: " << Results.size() << " of " << Files.size()
     << " units indexed";
  if (!Shard)
    OS << ", " << Files.size() - ToIndex.size() << " unchanged (skipped)";
  if (State.WithErrors)
    OS << ", " << State.WithErrors << " with compile errors";
  OS << " in " << llvm::format("%.1f", Seconds) << " s; wrote "
     << (Shard ? Output : Index + " (" + sizeOf(Index) + ")") << "\n";
  for (const std::string &File : Failed)
    OS << "stateless-index: error: could not index '" << File << "'\n";
  return Failed.empty() ? 0 : 1;
}

} // namespace
} // namespace stateless

int main(int Argc, const char **Argv) {
  llvm::cl::AddExtraVersionPrinter(stateless::printVersion);
  return stateless::run(Argc, Argv);
}

//===--- IndexKeeper.cpp - the editor keeps the project index current -----===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "IndexKeeper.h"

#include "Format.h"
#include "Inputs.h"
#include "ProjectIndex.h"
#include "UnitAnalysis.h"
#include "stateless/annotations.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unistd.h>

namespace stateless {
namespace {

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

void log(const llvm::Twine &Message) {
  llvm::errs() << "stateless-clangd: " << Message << "\n";
}

/// LSP messages (their JSON bodies) read from a file descriptor.
class MessageReader {
public:
  explicit MessageReader(int FD) : FD(FD) {}

  /// The next message; none at the end of the stream.
  std::optional<std::string> next() {
    for (;;) {
      const size_t HeaderEnd = Buffer.find("\r\n\r\n");
      if (HeaderEnd != std::string::npos) {
        const size_t Length = contentLength(
            llvm::StringRef(Buffer).take_front(HeaderEnd));
        const size_t Total = HeaderEnd + 4 + Length;
        if (Buffer.size() >= Total) {
          std::string Body = Buffer.substr(HeaderEnd + 4, Length);
          Buffer.erase(0, Total);
          return Body;
        }
      }
      char Chunk[65536];
      const ssize_t Read = ::read(FD, Chunk, sizeof Chunk);
      if (Read < 0 && errno == EINTR)
        continue;
      if (Read <= 0)
        return std::nullopt;
      Buffer.append(Chunk, Read);
    }
  }

private:
  static size_t contentLength(llvm::StringRef Header) {
    llvm::SmallVector<llvm::StringRef, 4> Lines;
    Header.split(Lines, "\r\n");
    for (llvm::StringRef Line : Lines) {
      auto [Name, Value] = Line.split(':');
      size_t Length = 0;
      if (Name.trim().equals_insensitive("content-length") &&
          !Value.trim().getAsInteger(10, Length))
        return Length;
    }
    return 0;
  }

  int FD;
  std::string Buffer;
};

/// Where LSP messages are written, one whole message at a time.
class MessageWriter {
public:
  explicit MessageWriter(int FD) : FD(FD) {}

  void send(llvm::StringRef Body) {
    std::string Message =
        "Content-Length: " + std::to_string(Body.size()) + "\r\n\r\n";
    Message += Body;
    std::lock_guard<std::mutex> Guard(Lock);
    llvm::StringRef Rest = Message;
    while (!Rest.empty()) {
      const ssize_t Written = ::write(FD, Rest.data(), Rest.size());
      if (Written < 0 && errno == EINTR)
        continue;
      if (Written <= 0)
        return; // the other side is gone
      Rest = Rest.drop_front(Written);
    }
  }
  void sendJson(const llvm::json::Value &Message) {
    send(llvm::formatv("{0}", Message).str());
  }
  void close() { ::close(FD); }

private:
  int FD;
  std::mutex Lock;
};

/// A run's log, done with; one left behind in the temporary directory is
/// only a small file.
void removeLog(llvm::StringRef Log) {
  if (std::error_code EC = fs::remove(Log))
    log("cannot remove '" + Log + "': " + EC.message());
}

std::optional<std::string> pathOfUri(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return std::nullopt;
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte = 0;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Path += char(Byte);
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

/// A unit the checks analysed, kept until the file is saved as analysed.
struct AnalysedFacts {
  index::Unit Facts;
  std::vector<std::string> InputPaths;
  uint64_t ContentsHash = 0;
  uint64_t ContentsSize = 0;
  std::string IndexPath;
};

/// A project: its compilation database's directory, and the background
/// stateless-index run that keeps its index current.
struct Project {
  std::string Database; ///< its directory
  std::string Index;
  /// The main files of its compilation database: a header the editor
  /// analyses as a main file is not one of its units.
  llvm::StringSet<> Units;
  bool RunWanted = false;
  std::optional<llvm::sys::ProcessInfo> Running;
  std::string Log;
  /// The index when the run started, and when last looked at during it.
  std::optional<index::InputFile> IndexBefore, IndexSeen;
  std::string Token; ///< of the progress shown for the run, once shown
  bool ProgressBegun = false;
  unsigned Shown = ~0u; ///< units done, as last shown
};

class IndexKeeper {
public:
  IndexKeeper(IndexKeeperOptions Options, int ClientIn, int ClientOut,
              int ServerIn, int ServerOut)
      : Options(std::move(Options)), FromClient(ClientIn),
        ToClient(ClientOut), ToServer(ServerIn), FromServer(ServerOut) {}

  void start() {
    std::thread([this] { relayClient(); }).detach();
    ServerRelay = std::thread([this] { relayServer(); });
    // The editor's own background work, not a service's job.
    Worker = std::thread([this] { work(); }); // NOLINT(stateless-instance-timer)
  }

  /// After the server has exited and closed its output.
  void finish() {
    ServerRelay.join();
    {
      std::lock_guard<std::mutex> Guard(Lock);
      Stopping = true;
    }
    Wake.notify_all();
    Worker.join();
  }

  void analysed(const AnalysedUnit &Unit) {
    AnalysedFacts Kept{Unit.Facts, Unit.InputPaths,
                       llvm::xxHash64(Unit.MainFileContents),
                       Unit.MainFileContents.size(), Unit.IndexPath.str()};
    std::lock_guard<std::mutex> Guard(Lock);
    const std::string MainFile = Kept.Facts.MainFile;
    Project *P = projectOf(MainFile);
    if (!P || !P->Units.contains(MainFile))
      return;
    // The project's index is built, and kept current, once the checks run
    // in it: where they read it.
    useIndex(*P, Unit.IndexPath);
    Kept.IndexPath = P->Index;
    Analysed[MainFile] = std::move(Kept);
    ToStore.insert(MainFile);
    Wake.notify_all();
  }

private:
  struct Document {
    std::string Uri;
    llvm::json::Value Version = nullptr;
    unsigned OpenedAt = 0; ///< orders the open files, last opened last
  };

  /// Editor to clangd: every message goes on, after a look at what it says
  /// of documents; answers to the keeper's own requests stop here.
  void relayClient() {
    MessageReader Reader(FromClient);
    while (std::optional<std::string> Body = Reader.next()) {
      llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(*Body);
      std::lock_guard<std::mutex> Guard(Lock);
      if (Parsed)
        if (const llvm::json::Object *Message = Parsed->getAsObject()) {
          if (std::optional<llvm::StringRef> Id = Message->getString("id"))
            if (Id->starts_with(RequestPrefix) && !Message->get("method")) {
              answered(*Id);
              continue;
            }
          observe(*Message);
        }
      ToServer.send(*Body);
    }
    ToServer.close();
  }

  void relayServer() {
    MessageReader Reader(FromServer);
    while (std::optional<std::string> Body = Reader.next())
      ToClient.send(*Body);
  }

  void observe(const llvm::json::Object &Message) {
    std::optional<llvm::StringRef> Method = Message.getString("method");
    const llvm::json::Object *Params = Message.getObject("params");
    if (!Method || !Params)
      return;
    if (*Method == "initialize") {
      if (const llvm::json::Object *Capabilities =
              Params->getObject("capabilities"))
        if (const llvm::json::Object *Window =
                Capabilities->getObject("window"))
          ShowsProgress = Window->getBoolean("workDoneProgress").value_or(false);
      return;
    }
    const llvm::json::Object *Document = Params->getObject("textDocument");
    std::optional<llvm::StringRef> Uri =
        Document ? Document->getString("uri") : std::nullopt;
    std::optional<std::string> File = Uri ? pathOfUri(*Uri) : std::nullopt;
    if (!File)
      return;
    if (*Method == "textDocument/didOpen") {
      const llvm::json::Value *Version = Document->get("version");
      Open[*File] = {Uri->str(), Version ? *Version : nullptr, ++Opened};
    } else if (*Method == "textDocument/didChange") {
      if (const llvm::json::Value *Version = Document->get("version"))
        Open[*File].Version = *Version;
    } else if (*Method == "textDocument/didClose") {
      Open.erase(*File);
    } else if (*Method == "textDocument/didSave") {
      // A unit is stored from its analysis; the units a saved header
      // (any other file) is part of are parsed again in the background.
      ToStore.insert(*File);
      if (std::optional<std::string> Database = databaseOf(*File))
        if (auto It = Projects.find(*Database);
            It != Projects.end() && !It->second.Units.contains(*File)) {
          It->second.RunWanted = true;
          Wake.notify_all();
        }
    }
  }

  /// The directory of the compilation database \p File is built with.
  std::optional<std::string> databaseOf(llvm::StringRef File) const {
    if (Options.DatabaseDirectory)
      return Options.DatabaseDirectory;
    for (llvm::StringRef Dir = path::parent_path(File); !Dir.empty();
         Dir = path::parent_path(Dir))
      for (llvm::StringRef Sub : {"", "build"}) {
        llvm::SmallString<256> Candidate(Dir);
        path::append(Candidate, Sub, "compile_commands.json");
        if (fs::is_regular_file(Candidate))
          return path::parent_path(Candidate).str();
      }
    return std::nullopt;
  }

  /// Where stateless-index -p \p Database writes the index.
  static std::string indexBeside(llvm::StringRef Database) {
    llvm::SmallString<256> Index(Database);
    path::append(Index, ProjectIndex::FileName);
    return std::string(Index);
  }

  /// The project of \p File, read on first use; none without a
  /// compilation database.
  Project *projectOf(llvm::StringRef File) {
    std::optional<std::string> Database = databaseOf(File);
    if (!Database || Options.IndexTool.empty())
      return nullptr;
    auto [It, First] = Projects.try_emplace(*Database);
    if (First) {
      It->second.Database = *Database;
      readUnits(It->second);
    }
    return &It->second;
  }

  static void readUnits(Project &P) {
    std::string Problem;
    std::unique_ptr<clang::tooling::CompilationDatabase> Read =
        clang::tooling::CompilationDatabase::loadFromDirectory(P.Database,
                                                               Problem);
    if (!Read)
      return log("cannot read the compilation database in '" + P.Database +
                 "': " + Problem);
    P.Units.clear();
    for (const std::string &File : Read->getAllFiles())
      P.Units.insert(File);
  }

  /// Keeps the index the checks read for \p P current (none found: the
  /// index is made beside its compilation database): a run when it is new.
  void useIndex(Project &P, llvm::StringRef Index) {
    const std::string Wanted =
        Index.empty() ? indexBeside(P.Database) : Index.str();
    if (P.Index == Wanted)
      return;
    P.Index = Wanted;
    P.RunWanted = true;
    Wake.notify_all();
  }

  /// Everything below runs on the worker, holding Lock.
  void work() {
    std::unique_lock<std::mutex> Guard(Lock);
    while (!Stopping) {
      Wake.wait_for(Guard, std::chrono::milliseconds(200));
      storeSaved();
      for (auto &Entry : Projects)
        runIndexer(Entry.second);
      republish();
    }
    // A run stopped half-way leaves the index as it was (it is replaced
    // whole).
    for (auto &Entry : Projects) {
      if (Entry.second.Running)
        ::kill(Entry.second.Running->Pid, SIGTERM);
      if (!Entry.second.Log.empty())
        removeLog(Entry.second.Log);
    }
  }

  /// The facts of each file saved as the checks analysed it go into the
  /// index; a change there diagnoses the other open files again.
  void storeSaved() {
    // A file analysed as it is not on disk is looked at again when saved
    // (didSave) or analysed again.
    for (const std::string &File : ToStore) {
      auto Found = Analysed.find(File);
      if (Found != Analysed.end() && storeIfSaved(Found->second))
        Analysed.erase(Found);
    }
    ToStore.clear();
  }

  /// False while the file on disk is not what was analysed.
  bool storeIfSaved(AnalysedFacts &Unit) {
    index::Unit &Facts = Unit.Facts;
    std::optional<index::InputFile> Main = index::readInput(Facts.MainFile);
    if (!Main || Main->Hash != Unit.ContentsHash ||
        Main->Size != Unit.ContentsSize)
      return false;
    const std::string &Index = Unit.IndexPath;
    if (!fs::exists(Index))
      return false; // stored once the background run has made the index
    Facts.Inputs.clear();
    for (const std::string &Input : Unit.InputPaths)
      if (std::optional<index::InputFile> F = index::readInput(Input))
        Facts.Inputs.push_back(std::move(*F));
    llvm::Expected<bool> Changed = index::storeUnit(Index, std::move(Facts));
    if (!Changed)
      log("cannot update '" + Index + "': " + toString(Changed.takeError()));
    else if (*Changed)
      for (const auto &Entry : Open)
        if (Entry.first != Unit.Facts.MainFile)
          ToRepublish.insert(Entry.first);
    return true;
  }

  void runIndexer(Project &P) {
    const std::string &Database = P.Database;
    if (P.Running) {
      showProgress(P);
      // The open files' units, written first, and then the rest (a store
      // of the editor's meanwhile republishes once more: harmless).
      republishIfChanged(P, P.IndexSeen, /*OpenUnitsWritten=*/true);
      llvm::sys::ProcessInfo Status =
          llvm::sys::Wait(*P.Running, /*SecondsToWait=*/0u, nullptr, nullptr,
                          /*Polling=*/true);
      if (Status.Pid == 0)
        return; // still running
      P.Running.reset();
      readUnits(P); // the run read the database as it is now
      endProgress(P, Status.ReturnCode);
      if (Status.ReturnCode != 0)
        log("stateless-index -p " + Database + " failed (exit status " +
            llvm::Twine(Status.ReturnCode) + "); its output is in " + P.Log);
      republishIfChanged(P, P.IndexBefore, /*OpenUnitsWritten=*/false);
      // Analyses the run may have overtaken (it parsed the files as they
      // were when it started) are stored again on top.
      for (const auto &Entry : Analysed)
        ToStore.insert(Entry.first);
    }
    if (!P.RunWanted || P.Running)
      return;
    P.RunWanted = false;
    P.IndexBefore = P.IndexSeen = index::statInput(P.Index);
    if (!P.Log.empty())
      removeLog(P.Log);
    else {
      llvm::SmallString<256> Log;
      if (fs::createTemporaryFile("stateless-index", "log", Log))
        return log("cannot create a log file for stateless-index");
      P.Log = std::string(Log);
    }
    // The files open in the editor, most recently opened first, are
    // indexed (when they are to be) and written before the others.
    std::vector<std::string> Args = {Options.IndexTool, "-p", Database,
                                     "-o", P.Index, "--background"};
    std::vector<std::pair<unsigned, std::string>> OpenUnits;
    for (const auto &[File, Doc] : Open)
      if (P.Units.contains(File))
        OpenUnits.emplace_back(Doc.OpenedAt, File);
    llvm::sort(OpenUnits, [](const auto &A, const auto &B) {
      return A.first > B.first;
    });
    for (const auto &Unit : OpenUnits)
      Args.push_back("--first=" + Unit.second);
    const std::optional<llvm::StringRef> Redirects[] = {
        llvm::StringRef(), llvm::StringRef(P.Log), llvm::StringRef(P.Log)};
    std::string Error;
    std::vector<llvm::StringRef> ArgRefs(Args.begin(), Args.end());
    llvm::sys::ProcessInfo Started = llvm::sys::ExecuteNoWait(
        Options.IndexTool, ArgRefs, std::nullopt, Redirects, 0, &Error);
    if (Started.Pid <= 0)
      return log("cannot run " + Options.IndexTool + ": " + Error);
    P.Running = Started;
  }

  /// The open files are diagnosed again when the index is no longer as
  /// \p Seen. When only the open files' units were written, a file's own
  /// unit is not among what its findings rest on (the checks analyse it
  /// live): a file open alone is left as it is.
  void republishIfChanged(const Project &P,
                          std::optional<index::InputFile> &Seen,
                          bool OpenUnitsWritten) {
    std::optional<index::InputFile> Now = index::statInput(P.Index);
    if (Now == Seen)
      return;
    Seen = std::move(Now);
    unsigned OpenUnits = 0;
    for (const auto &Entry : Open)
      OpenUnits += P.Units.contains(Entry.first);
    for (const auto &Entry : Open)
      if (!OpenUnitsWritten ||
          OpenUnits > unsigned(P.Units.contains(Entry.first)))
        ToRepublish.insert(Entry.first);
  }

  /// "[done/total]" from the run's last progress line, as `$/progress`.
  void showProgress(Project &P) {
    if (!ShowsProgress)
      return;
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Log =
        llvm::MemoryBuffer::getFile(P.Log, /*IsText=*/true);
    if (!Log)
      return;
    llvm::StringRef Text = (*Log)->getBuffer();
    const size_t Open = Text.rfind('[');
    if (Open == llvm::StringRef::npos)
      return; // no unit to parse: nothing to show
    auto [Done, Total] =
        Text.substr(Open + 1).take_until([](char C) { return C == ']'; })
            .split('/');
    unsigned DoneCount = 0, TotalCount = 0;
    if (Done.getAsInteger(10, DoneCount) || Total.getAsInteger(10, TotalCount) ||
        TotalCount == 0)
      return;
    if (P.Token.empty()) {
      P.Token = "stateless-index-" + std::to_string(++Requests);
      ToClient.sendJson(llvm::json::Object{
          {"jsonrpc", "2.0"},
          {"id", RequestPrefix.str() + std::to_string(Requests)},
          {"method", "window/workDoneProgress/create"},
          {"params", llvm::json::Object{{"token", P.Token}}}});
      Pending[RequestPrefix.str() + std::to_string(Requests)] = P.Token;
      return;
    }
    if (!Created.count(P.Token) || DoneCount == P.Shown)
      return; // the client has not answered yet, or nothing new
    P.Shown = DoneCount;
    llvm::json::Object Value{
        {"kind", P.ProgressBegun ? "report" : "begin"},
        {"message", std::to_string(DoneCount) + "/" +
                        std::to_string(TotalCount) + " units"},
        {"percentage", DoneCount * 100 / TotalCount}};
    if (!P.ProgressBegun)
      Value["title"] = "stateless-index";
    P.ProgressBegun = true;
    sendProgress(P.Token, std::move(Value));
  }

  void endProgress(Project &P, int Status) {
    if (P.ProgressBegun)
      sendProgress(P.Token,
                   llvm::json::Object{{"kind", "end"},
                                      {"message", Status == 0
                                                      ? "project index updated"
                                                      : "stateless-index failed"}});
    P.Token.clear();
    P.ProgressBegun = false;
    P.Shown = ~0u;
  }

  void sendProgress(llvm::StringRef Token, llvm::json::Object Value) {
    ToClient.sendJson(llvm::json::Object{
        {"jsonrpc", "2.0"},
        {"method", "$/progress"},
        {"params", llvm::json::Object{{"token", Token},
                                      {"value", std::move(Value)}}}});
  }

  void answered(llvm::StringRef Id) {
    auto It = Pending.find(Id.str());
    if (It == Pending.end())
      return;
    Created.insert(It->second);
    Pending.erase(It);
  }

  /// clangd diagnoses a file again when told to rebuild it: an empty change
  /// at the version the editor last sent, with clangd's `forceRebuild`.
  void republish() {
    for (const std::string &File : ToRepublish) {
      auto It = Open.find(File);
      if (It == Open.end())
        continue;
      ToServer.sendJson(llvm::json::Object{
          {"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           llvm::json::Object{
               {"textDocument", llvm::json::Object{{"uri", It->second.Uri},
                                                   {"version",
                                                    It->second.Version}}},
               {"contentChanges", llvm::json::Array{}},
               {"forceRebuild", true}}}});
    }
    ToRepublish.clear();
  }

  static constexpr llvm::StringLiteral RequestPrefix = "stateless-";

  const IndexKeeperOptions Options;
  MessageReader FromClient;
  MessageWriter ToClient;
  MessageWriter ToServer;
  MessageReader FromServer;
  std::thread ServerRelay, Worker;

  std::mutex Lock; ///< guards everything below
  std::condition_variable Wake;
  bool Stopping = false;
  bool ShowsProgress = false;
  std::map<std::string, Document> Open;
  std::map<std::string, AnalysedFacts> Analysed;
  std::set<std::string> ToStore, ToRepublish;
  unsigned Opened = 0; ///< files opened so far
  std::map<std::string, Project> Projects;
  unsigned Requests = 0;
  std::map<std::string, std::string> Pending; ///< request id to token
  std::set<std::string> Created;              ///< tokens the client made
};

} // namespace

int serveKeepingIndex(const std::function<int()> &Server,
                      IndexKeeperOptions Options) {
  int ToServer[2], FromServer[2];
  const int ClientIn = ::dup(0), ClientOut = ::dup(1);
  if (ClientIn < 0 || ClientOut < 0 || ::pipe(ToServer) || ::pipe(FromServer)) {
    log("cannot relay the LSP stream; the project index is not kept current");
    return Server();
  }
  std::signal(SIGPIPE, SIG_IGN);
  ::dup2(ToServer[0], 0);
  ::close(ToServer[0]);
  ::dup2(FromServer[1], 1);
  ::close(FromServer[1]);
  STATELESS_ALLOW(other, "the editor session of this process")
  static IndexKeeper *Keeper = new IndexKeeper(
      std::move(Options), ClientIn, ClientOut, ToServer[1], FromServer[0]);
  setAnalysedUnitListener(
      [](const AnalysedUnit &Unit) { Keeper->analysed(Unit); });
  Keeper->start();
  const int Status = Server();
  llvm::outs().flush();
  ::close(1); // the server's output ends: the relay forwards what is left
  Keeper->finish();
  return Status;
}

} // namespace stateless

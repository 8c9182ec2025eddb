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

#include "llvm/ADT/StringExtras.h"
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
  std::string Index;
  bool RunWanted = false;
  std::optional<llvm::sys::ProcessInfo> Running;
  std::string Log;
  std::optional<index::InputFile> IndexBefore;
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
    AnalysedFiles.insert(MainFile);
    Analysed[MainFile] = std::move(Kept);
    ToStore.insert(MainFile);
    Wake.notify_all();
  }

private:
  struct Document {
    std::string Uri;
    llvm::json::Value Version = nullptr;
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
      Open[*File] = {Uri->str(), Version ? *Version : nullptr};
      wantRun(*File, /*OnlyFirst=*/true);
    } else if (*Method == "textDocument/didChange") {
      if (const llvm::json::Value *Version = Document->get("version"))
        Open[*File].Version = *Version;
    } else if (*Method == "textDocument/didClose") {
      Open.erase(*File);
    } else if (*Method == "textDocument/didSave") {
      // A unit the checks analyse is stored from its analysis; the units
      // a saved header is part of are parsed again in the background.
      ToStore.insert(*File);
      if (!AnalysedFiles.count(*File))
        wantRun(*File, /*OnlyFirst=*/false);
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

  void wantRun(llvm::StringRef File, bool OnlyFirst) {
    std::optional<std::string> Database = databaseOf(File);
    if (!Database || Options.IndexTool.empty())
      return;
    auto [It, First] = Projects.try_emplace(*Database);
    if (First)
      It->second.Index = indexBeside(*Database);
    if (First || !OnlyFirst) {
      It->second.RunWanted = true;
      Wake.notify_all();
    }
  }

  /// Everything below runs on the worker, holding Lock.
  void work() {
    std::unique_lock<std::mutex> Guard(Lock);
    while (!Stopping) {
      Wake.wait_for(Guard, std::chrono::milliseconds(200));
      storeSaved();
      for (auto &[Database, P] : Projects)
        runIndexer(Database, P);
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
    std::string Index = Unit.IndexPath;
    if (Index.empty())
      if (std::optional<std::string> Database = databaseOf(Facts.MainFile))
        Index = indexBeside(*Database);
    if (Index.empty() || !fs::exists(Index))
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

  void runIndexer(llvm::StringRef Database, Project &P) {
    if (P.Running) {
      showProgress(P);
      llvm::sys::ProcessInfo Status =
          llvm::sys::Wait(*P.Running, /*SecondsToWait=*/0u, nullptr, nullptr,
                          /*Polling=*/true);
      if (Status.Pid == 0)
        return; // still running
      P.Running.reset();
      endProgress(P, Status.ReturnCode);
      if (Status.ReturnCode != 0)
        log("stateless-index -p " + Database + " failed (exit status " +
            llvm::Twine(Status.ReturnCode) + "); its output is in " + P.Log);
      if (!(index::statInput(P.Index) == P.IndexBefore))
        for (const auto &Entry : Open)
          ToRepublish.insert(Entry.first);
      // Analyses the run may have overtaken (it parsed the files as they
      // were when it started) are stored again on top.
      for (const auto &Entry : Analysed)
        ToStore.insert(Entry.first);
    }
    if (!P.RunWanted || P.Running)
      return;
    P.RunWanted = false;
    P.IndexBefore = index::statInput(P.Index);
    if (!P.Log.empty())
      removeLog(P.Log);
    else {
      llvm::SmallString<256> Log;
      if (fs::createTemporaryFile("stateless-index", "log", Log))
        return log("cannot create a log file for stateless-index");
      P.Log = std::string(Log);
    }
    const llvm::StringRef Args[] = {Options.IndexTool, "-p", Database,
                                    "--background"};
    const std::optional<llvm::StringRef> Redirects[] = {
        llvm::StringRef(), llvm::StringRef(P.Log), llvm::StringRef(P.Log)};
    std::string Error;
    llvm::sys::ProcessInfo Started = llvm::sys::ExecuteNoWait(
        Options.IndexTool, Args, std::nullopt, Redirects, 0, &Error);
    if (Started.Pid <= 0)
      return log("cannot run " + Options.IndexTool + ": " + Error);
    P.Running = Started;
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
  std::set<std::string> AnalysedFiles; ///< main files the checks analysed
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

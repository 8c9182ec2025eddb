//===--- ProjectIndexTest.cpp - the project index on its own ---------------===//
//
// Unit tests of the index layer of lib/: a unit's summary, the file format
// (round trip, damage, another producer), merging, staleness, and the
// analysis of one unit joined with the index of the others.
//
//===----------------------------------------------------------------------===//

#include "CodeFacts.h"
#include "Frameworks.h"
#include "GlobalState.h"
#include "HandlerModel.h"
#include "IndexData.h"
#include "ProjectIndex.h"
#include "UnitSummary.h"
#include "WriteFinder.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

#include <fstream>
#include <unistd.h>

using namespace clang;

namespace stateless {
namespace {

constexpr const char *Httplib = R"cpp(
  #include <functional>
  #include <string>
  namespace httplib {
  struct Request {}; struct Response {};
  struct Server {
    using Handler = std::function<void(const Request &, Response &)>;
    Server &Post(const std::string &, Handler);
  };
  }
)cpp";

/// One unit of a project: its AST, facts and summary.
struct UnitUnderTest {
  UnitUnderTest(const std::string &Code, const std::string &File)
      : AST(tooling::buildASTFromCodeWithArgs(Httplib + Code, {"-std=c++17"},
                                              File)),
        Frameworks(HandlerOptions{}), Facts(AST->getASTContext(), Frameworks),
        Finders(AST->getASTContext()) {}

  index::Unit summary() { return summarizeUnit(Facts, Finders, "command"); }

  std::unique_ptr<ASTUnit> AST;
  FrameworkTables Frameworks;
  CodeFacts Facts;
  WriteFinders Finders;
};

constexpr const char *Routes = R"cpp(
  void save(const std::string &);
  int main() {
    httplib::Server s;
    s.Post("/save", [](const httplib::Request &, httplib::Response &) {
      save("x");
    });
  }
)cpp";

constexpr const char *Storage = R"cpp(
  #include <vector>
  std::vector<std::string> saved;
  void save(const std::string &body) { saved.push_back(body); }
  void load() { saved.clear(); }
)cpp";

std::string serialized(const index::Index &I) {
  std::string Bytes;
  llvm::raw_string_ostream OS(Bytes);
  index::write(I, OS);
  OS.flush();
  return Bytes;
}

std::string errorOf(llvm::StringRef Bytes) {
  llvm::Expected<index::Index> Read = index::read(Bytes);
  return Read ? "" : llvm::toString(Read.takeError());
}

TEST(UnitSummary, RootsCallsAndWritesByUsr) {
  UnitUnderTest A(Routes, "/project/routes.cpp");
  index::Unit Summary = A.summary();
  EXPECT_EQ(Summary.MainFile, "/project/routes.cpp");
  const index::Root *Handler = nullptr;
  for (const index::Root &R : Summary.Roots)
    if (R.Kind == index::RootKind::Handler)
      Handler = &R;
  ASSERT_NE(Handler, nullptr);
  EXPECT_EQ(Handler->Via, "httplib::Server::Post");
  EXPECT_EQ(Handler->Site.File, "/project/routes.cpp");
  // The lambda calls save(), which this unit only declares.
  bool CallsSave = false;
  for (const index::Function &F : Summary.Functions)
    if (F.USR == Handler->Function)
      for (const index::Call &C : F.Calls)
        CallsSave |= C.CalleeName == "save";
  EXPECT_TRUE(CallsSave);

  UnitUnderTest B(Storage, "/project/storage.cpp");
  index::Unit Stored = B.summary();
  ASSERT_EQ(Stored.Variables.size(), 1u);
  EXPECT_TRUE(Stored.Variables.front().Defined);
  unsigned Writes = 0;
  for (const index::Function &F : Stored.Functions)
    Writes += F.GlobalWrites.size();
  EXPECT_EQ(Writes, 2u); // in save() and in load(), whoever calls them
}

TEST(IndexData, RoundTripAndDamage) {
  UnitUnderTest A(Routes, "/project/routes.cpp");
  index::Index I;
  I.Units.push_back(A.summary());
  std::string Bytes = serialized(I);
  llvm::Expected<index::Index> Read = index::read(Bytes);
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(serialized(*Read), Bytes);

  EXPECT_EQ(errorOf("#include <x>"), "not a stateless-tidy project index");
  EXPECT_NE(errorOf(llvm::StringRef(Bytes).drop_back(20)).find("damaged"),
            std::string::npos);
  std::string Flipped = Bytes;
  Flipped[Flipped.size() / 2] ^= 0x40;
  EXPECT_NE(errorOf(Flipped).find("damaged"), std::string::npos);
  // The format version follows the 8-byte magic.
  std::string Newer = Bytes;
  Newer[8] = char(index::FormatVersion + 1);
  EXPECT_NE(errorOf(Newer).find("was written by"), std::string::npos);
}

TEST(IndexData, MergeKeepsOneUnitPerFileTheLastOne) {
  auto UnitNamed = [](const char *File, const char *Command) {
    index::Unit U;
    U.MainFile = File;
    U.Command = Command;
    return U;
  };
  index::Index Old, New;
  Old.Units = {UnitNamed("/p/b.cpp", "old"), UnitNamed("/p/a.cpp", "old")};
  New.Units = {UnitNamed("/p/b.cpp", "new")};
  index::Index Merged = index::merge({Old, New});
  ASSERT_EQ(Merged.Units.size(), 2u);
  EXPECT_EQ(Merged.Units[0].MainFile, "/p/a.cpp");
  EXPECT_EQ(Merged.Units[1].Command, "new");
}

TEST(ProjectIndex, StaleAndMissingInputs) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("stateless-index", Dir));
  std::string Header = (Dir + "/h.h").str();
  std::ofstream(Header) << "int x;\n";
  index::Unit U;
  U.MainFile = (Dir + "/a.cpp").str();
  U.Inputs.push_back(*index::readInput(Header));
  index::Index I;
  I.Units.push_back(U);
  std::string Path = (Dir + "/stateless.index").str();
  ASSERT_FALSE(bool(index::writeFile(I, Path)));

  ProjectIndex Loaded(*index::readFile(Path));
  EXPECT_FALSE(Loaded.staleUnits().test(0));
  // Another modification time alone (a fresh checkout) is not a change.
  int FD = -1;
  ASSERT_FALSE(llvm::sys::fs::openFileForWrite(
      Header, FD, llvm::sys::fs::CD_OpenExisting, llvm::sys::fs::OF_Append));
  ASSERT_FALSE(llvm::sys::fs::setLastAccessAndModificationTime(
      FD, llvm::sys::TimePoint<>(std::chrono::seconds(1000000))));
  ::close(FD);
  EXPECT_FALSE(Loaded.staleUnits().test(0));
  std::ofstream(Header, std::ios::app) << "int y;\n";
  EXPECT_TRUE(Loaded.staleUnits().test(0));
  EXPECT_TRUE(Loaded.missingFiles().empty());

  llvm::sys::fs::remove(Header);
  llvm::Expected<std::shared_ptr<const ProjectIndex>> Got =
      ProjectIndex::get(Path);
  ASSERT_FALSE(bool(Got));
  EXPECT_NE(llvm::toString(Got.takeError()).find("no longer exist"),
            std::string::npos);
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

TEST(ProjectView, OneUnitReportsEachEntity) {
  index::Index I;
  for (const char *File : {"/p/a.cpp", "/p/c.cpp"}) {
    index::Unit U;
    U.MainFile = File;
    index::Variable V;
    V.USR = "c:@counter";
    V.Defined = std::string(File) == "/p/c.cpp";
    U.Variables.push_back(V);
    index::Variable Inline;
    Inline.USR = "c:@inline_var"; // in a header: nobody defines it
    U.Variables.push_back(Inline);
    I.Units.push_back(U);
  }
  auto Index = std::make_shared<const ProjectIndex>(I);
  // The unit that defines it reports it, wherever it sorts.
  EXPECT_FALSE(ProjectView(Index, "/p/b.cpp").liveOwnsVariable("c:@counter", false));
  EXPECT_TRUE(ProjectView(Index, "/p/c.cpp").liveOwnsVariable("c:@counter", true));
  // Defined nowhere: the first unit that knows it.
  EXPECT_TRUE(ProjectView(Index, "/p/a.cpp").liveOwnsVariable("c:@inline_var", false));
  EXPECT_FALSE(ProjectView(Index, "/p/c.cpp").liveOwnsVariable("c:@inline_var", false));
  EXPECT_TRUE(ProjectView(Index, "/p/0.cpp").liveOwnsVariable("c:@inline_var", false));
}

TEST(ProjectView, HandlerInOneUnitReachesWriteInAnother) {
  UnitUnderTest A(Routes, "/project/routes.cpp");
  index::Index I;
  I.Units.push_back(A.summary());
  auto Index = std::make_shared<const ProjectIndex>(std::move(I));

  UnitUnderTest B(Storage, "/project/storage.cpp");
  const SourceManager &SM = B.AST->getSourceManager();
  Project Remote(ProjectView(Index, mainFilePath(SM)), SM);
  HandlerModel Handlers(B.Facts, &Remote);
  GlobalStateAnalysis Globals(B.Facts, Handlers, B.Finders, &Remote);
  ASSERT_EQ(Globals.variables().size(), 1u);
  const GlobalVariable &Saved = Globals.variables().front();
  ASSERT_EQ(Saved.Writes.size(), 2u);
  std::optional<HandlerPath> Path = Handlers.pathTo(Saved.Writes[0].Function);
  ASSERT_TRUE(Path.has_value());
  std::vector<Note> Notes = Handlers.describe(*Path);
  ASSERT_EQ(Notes.size(), 2u);
  EXPECT_EQ(Notes[0].Message, "reached from a handler lambda registered here "
                              "with 'httplib::Server::Post'");
  EXPECT_EQ(Notes[0].Elsewhere.File, "/project/routes.cpp");
  EXPECT_EQ(Notes[1].Message, "via call to 'save'");
  EXPECT_EQ(Notes[1].Elsewhere.File, "/project/routes.cpp");
  EXPECT_FALSE(Handlers.pathTo(Saved.Writes[1].Function).has_value());

  // Alone, the unit sees no handler.
  HandlerModel Alone(B.Facts);
  EXPECT_FALSE(Alone.pathTo(Saved.Writes[0].Function).has_value());
}

TEST(ProjectView, VirtualCallReachesOverridesInOtherUnits) {
  constexpr const char *Interface = R"cpp(
    struct Store { virtual void save(const std::string &) = 0; };
    Store &store();
  )cpp";
  UnitUnderTest A(std::string(Interface) + R"cpp(
    int main() {
      httplib::Server s;
      s.Post("/save", [](const httplib::Request &, httplib::Response &) {
        store().save("x");
      });
    }
  )cpp",
                  "/project/routes.cpp");
  index::Index I;
  I.Units.push_back(A.summary());
  auto Index = std::make_shared<const ProjectIndex>(std::move(I));

  UnitUnderTest B(std::string(Interface) + R"cpp(
    #include <vector>
    std::vector<std::string> saved;
    struct Disk : Store {
      void save(const std::string &body) override { saved.push_back(body); }
    };
    Store &store() { static Disk disk; return disk; }
  )cpp",
                  "/project/disk.cpp");
  const SourceManager &SM = B.AST->getSourceManager();
  Project Remote(ProjectView(Index, mainFilePath(SM)), SM);
  HandlerModel Handlers(B.Facts, &Remote);
  GlobalStateAnalysis Globals(B.Facts, Handlers, B.Finders, &Remote);
  const GlobalVariable *Saved = nullptr;
  for (const GlobalVariable &G : Globals.variables())
    if (G.Decl->getName() == "saved")
      Saved = &G;
  ASSERT_TRUE(Saved && !Saved->Writes.empty());
  std::optional<HandlerPath> Path =
      Handlers.pathTo(Saved->Writes.front().Function);
  ASSERT_TRUE(Path.has_value());
  std::vector<Note> Notes = Handlers.describe(*Path);
  ASSERT_EQ(Notes.size(), 2u);
  EXPECT_EQ(Notes[1].Message,
            "via call to 'Store::save', which 'Disk::save' overrides");
}

TEST(ProjectView, ObjectOfMainSharedThroughMembersOfOtherUnits) {
  // main() makes the room and hands it to the listener, which hands it to a
  // session, whose handler joins it: three units.
  constexpr const char *Classes = R"cpp(
    #include <memory>
    #include <vector>
    struct Room {
      std::vector<int> members;
      void join(int id) { members.push_back(id); }
      int size() const { return int(members.size()); }
    };
    struct Session {
      explicit Session(std::shared_ptr<Room> room);
      void serve(const httplib::Request &, httplib::Response &);
      std::shared_ptr<Room> room_;
      std::shared_ptr<Room> own_;
    };
    struct Listener {
      explicit Listener(std::shared_ptr<Room> room);
      void start(httplib::Server &s);
      std::shared_ptr<Room> room_;
    };
  )cpp";
  UnitUnderTest Listening(std::string(Classes) + R"cpp(
    Listener::Listener(std::shared_ptr<Room> room) : room_(room) {}
    void Listener::start(httplib::Server &s) {
      auto session = std::make_shared<Session>(room_);
      s.Post("/join", [session](const httplib::Request &q, httplib::Response &r) {
        session->serve(q, r);
      });
    }
  )cpp",
                          "/project/listener.cpp");
  UnitUnderTest Serving(std::string(Classes) + R"cpp(
    Session::Session(std::shared_ptr<Room> room)
        : room_(room), own_(std::make_shared<Room>()) {}
    void Session::serve(const httplib::Request &, httplib::Response &) {
      if (room_->size() < 10)
        room_->join(1);
      own_->join(2);
    }
  )cpp",
                        "/project/session.cpp");
  index::Index I;
  I.Units = {Listening.summary(), Serving.summary()};

  // The facts that carry the room, by USR.
  auto FunctionNamed = [&](unsigned Unit, llvm::StringRef Name) {
    for (const index::Function &F : I.Units[Unit].Functions)
      if (F.Name == Name)
        return &F;
    return static_cast<const index::Function *>(nullptr);
  };
  const index::Function *Keeping = FunctionNamed(1, "Session::Session");
  ASSERT_NE(Keeping, nullptr);
  ASSERT_EQ(Keeping->Keeps.size(), 1u); // room_, not own_
  EXPECT_EQ(Keeping->Keeps[0].Parameter, 0u);
  EXPECT_EQ(Keeping->Keeps[0].Member, "c:@S@Session@FI@room_");
  const index::Function *Starting = FunctionNamed(0, "Listener::start");
  ASSERT_NE(Starting, nullptr);
  ASSERT_EQ(Starting->HandOns.size(), 1u);
  EXPECT_EQ(Starting->HandOns[0].Member, "c:@S@Listener@FI@room_");
  EXPECT_EQ(Starting->HandOns[0].Argument, 0u);
  const index::Function *Serve = FunctionNamed(1, "Session::serve");
  ASSERT_NE(Serve, nullptr);
  // room_->join and own_->join; room_->size() is const.
  ASSERT_EQ(Serve->PointeeWrites.size(), 2u);
  const unsigned JoinLine = Serve->PointeeWrites[0].Site.Line;
  EXPECT_EQ(Serve->PointeeWrites[1].Site.Line, JoinLine + 1);

  // Through the file format and back.
  std::string Bytes = serialized(I);
  llvm::Expected<index::Index> Read = index::read(Bytes);
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_EQ(serialized(*Read), Bytes);
  auto Index = std::make_shared<const ProjectIndex>(std::move(*Read));

  UnitUnderTest Main(std::string(Classes) + R"cpp(
    int main() {
      httplib::Server s;
      auto room = std::make_shared<Room>();
      Listener listener(room);
      listener.start(s);
    }
  )cpp",
                     "/project/main.cpp");
  const SourceManager &SM = Main.AST->getSourceManager();
  Project Remote(ProjectView(Index, mainFilePath(SM)), SM);
  HandlerModel Handlers(Main.Facts, &Remote);
  GlobalStateAnalysis Shared(Main.Facts, Handlers, Main.Finders, &Remote);
  ASSERT_EQ(Shared.variables().size(), 1u);
  const GlobalVariable &Room = Shared.variables().front();
  EXPECT_EQ(Room.Decl->getName(), "room");
  EXPECT_EQ(Room.Kind, GlobalVariable::Scope::SharedLocal);
  ASSERT_EQ(Room.Writes.size(), 1u);
  EXPECT_EQ(Room.Writes[0].Elsewhere.File, "/project/session.cpp");
  EXPECT_EQ(Room.Writes[0].Elsewhere.Line, JoinLine); // not own_'s
  EXPECT_TRUE(Handlers.pathTo(Room.Writes[0].Function).has_value());

  // Alone, main.cpp sees neither the constructors nor the handler.
  HandlerModel Alone(Main.Facts);
  EXPECT_TRUE(
      GlobalStateAnalysis(Main.Facts, Alone, Main.Finders, nullptr)
          .variables()
          .empty());
}

} // namespace
} // namespace stateless

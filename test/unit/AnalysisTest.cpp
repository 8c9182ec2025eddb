//===--- AnalysisTest.cpp - the analysis core on its own -------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Unit tests of lib/ without clang-tidy: units summarised into their facts,
// roots, reachability and paths over the program, and state found across
// units, built from source snippets.
//
//===----------------------------------------------------------------------===//

#include "CodeFacts.h"
#include "Format.h"
#include "Frameworks.h"
#include "HandlerModel.h"
#include "KnownTypes.h"
#include "ProgramView.h"
#include "State.h"
#include "Summary.h"
#include "WriteFinder.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace stateless {
namespace {

// Registration API in the shape of cpp-httplib's.
constexpr const char *Httplib = R"cpp(
  #include <functional>
  #include <string>
  namespace httplib {
  struct Request {}; struct Response {};
  struct Server {
    using Handler = std::function<void(const Request &, Response &)>;
    Server &Get(const std::string &, Handler);
    Server &Post(const std::string &, Handler);
  };
  }
)cpp";

/// The facts of one unit, from a snippet.
index::Unit summarized(const std::string &Code, const std::string &File,
                       HandlerOptions Options = {}) {
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Httplib + Code, {"-std=c++17"}, File);
  const FrameworkTables Frameworks(std::move(Options));
  const CodeFacts Facts(AST->getASTContext(), Frameworks);
  WriteFinders Finders(AST->getASTContext());
  return summarizeUnit(Facts, Finders, "command", /*RecordInputs=*/false);
}

/// A unit analysed over the program: alone, or laid over an index.
class Model {
public:
  explicit Model(index::Unit Live,
                 std::shared_ptr<const ProjectIndex> Index = nullptr)
      : View(std::move(Live), std::move(Index)), Handlers(View) {}
  Model(const std::string &Code, HandlerOptions Options = {})
      : Model(summarized(Code, "/project/main.cpp", std::move(Options))) {}

  FunctionRef function(llvm::StringRef Name) const {
    for (const index::Function &F : View.live().Functions)
      if (F.Name == Name)
        return &F;
    ADD_FAILURE() << "no function " << Name.str();
    return nullptr;
  }

  std::vector<std::string> path(FunctionRef F) const {
    std::vector<std::string> Steps;
    if (std::optional<HandlerPath> P = Handlers.pathTo(F))
      for (const Note &N : Handlers.describe(*P))
        Steps.push_back(N.Message);
    return Steps;
  }
  std::vector<std::string> path(llvm::StringRef Name) const {
    return path(function(Name));
  }

  const GlobalState *global(llvm::StringRef Name) {
    Globals = findGlobalState(Handlers);
    for (const GlobalState &G : Globals)
      if (G.DisplayName == Name)
        return &G;
    return nullptr;
  }

  ProgramView View;
  HandlerModel Handlers;
  std::vector<GlobalState> Globals;
};

std::shared_ptr<const ProjectIndex> indexOf(std::vector<index::Unit> Units) {
  index::Index I;
  I.Units = std::move(Units);
  // Through the file format and back, as the checks read it.
  std::string Bytes;
  llvm::raw_string_ostream OS(Bytes);
  EXPECT_TRUE(index::write(I, OS).empty());
  llvm::Expected<std::shared_ptr<const ProjectIndex>> Read =
      ProjectIndex::fromBytes(OS.str());
  EXPECT_TRUE(bool(Read));
  return Read ? *Read : nullptr;
}

TEST(HandlerModel, RegisteredFunctionAndWhatItCalls) {
  Model M(R"cpp(
    void save() {}
    void unrelated() {}
    void h(const httplib::Request &, httplib::Response &) { save(); }
    int main() { httplib::Server s; s.Get("/", h); unrelated(); }
  )cpp");
  EXPECT_EQ(M.path("save"),
            (std::vector<std::string>{"reached from handler 'GET /' ('h') registered "
                                      "here with 'httplib::Server::Get'",
                                      "via call to 'save'"}));
  EXPECT_TRUE(M.path("unrelated").empty());
  EXPECT_TRUE(M.Handlers.isStartUpOnly(M.function("unrelated")));
}

TEST(HandlerModel, ThreadEntriesAreNotStartUp) {
  Model M(R"cpp(
    #include <thread>
    void worker() {}
    int main() { std::thread(worker).detach(); }
  )cpp");
  EXPECT_FALSE(M.Handlers.isStartUpOnly(M.function("worker")));
  EXPECT_TRUE(M.path("worker").empty());
}

TEST(HandlerModel, RecursionTerminates) {
  Model M(R"cpp(
    void walk_b(int);
    void walk_a(int n) { walk_b(n); }
    void walk_b(int n) { walk_a(n - 1); }
    void h(const httplib::Request &, httplib::Response &) { walk_a(3); }
    int main() { httplib::Server s; s.Get("/", h); }
  )cpp");
  EXPECT_EQ(M.path("walk_b"),
            (std::vector<std::string>{
                "reached from handler 'GET /' ('h') registered here "
                "with "
                "'httplib::Server::Get'",
                "via call to 'walk_a'", "via call to 'walk_b'"}));
}

TEST(HandlerModel, OptionsAddRoots) {
  std::string Error;
  HandlerOptions Options{RegexList::parse("jobs::on_.*", Error),
                         RegexList::parse("bus::subscribe", Error),
                         RegexList::parse("rpc::Base", Error)};
  ASSERT_TRUE(Error.empty());
  Model M(R"cpp(
    namespace jobs { void on_tick() {} }
    namespace bus { void subscribe(void (*)()); }
    namespace rpc { struct Base { virtual void Call() = 0; }; }
    struct Impl : rpc::Base { void Call() override {} void helper() {} };
    void on_event() {}
    int main() { bus::subscribe(on_event); }
  )cpp",
          std::move(Options));
  EXPECT_EQ(M.path("jobs::on_tick").front(),
            "reached from handler 'jobs::on_tick', named by the "
            "HandlerFunctions option");
  EXPECT_EQ(M.path("on_event").front(),
            "reached from handler 'on_event' registered here with "
            "'bus::subscribe'");
  EXPECT_EQ(M.path("Impl::Call").front(),
            "reached from handler 'Impl::Call', a method of a subclass of "
            "'rpc::Base'");
}

TEST(HandlerModel, LambdasAreTheirOwnCode) {
  Model M(R"cpp(
    int hits;
    void helper() {}
    int main() {
      [] { helper(); }();  // called where written: part of main()
      httplib::Server s;
      s.Get("/", [](const httplib::Request &, httplib::Response &) { ++hits; });
    }
  )cpp");
  EXPECT_TRUE(M.Handlers.isStartUpOnly(M.function("helper")));
  const GlobalState *Hits = M.global("hits");
  ASSERT_NE(Hits, nullptr);
  ASSERT_EQ(Hits->Writes.size(), 1u);
  EXPECT_TRUE(M.Handlers.pathTo(Hits->Writes.front().In).has_value());
}

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

TEST(Summary, RootsCallsAndWritesByUsr) {
  index::Unit Summary = summarized(Routes, "/project/routes.cpp");
  EXPECT_EQ(Summary.MainFile, "/project/routes.cpp");
  const index::Root *Handler = nullptr;
  for (const index::Root &R : Summary.Roots)
    if (R.Kind == RootKind::Handler)
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

  index::Unit Stored = summarized(Storage, "/project/storage.cpp");
  ASSERT_EQ(Stored.Variables.size(), 1u);
  EXPECT_TRUE(Stored.Variables.front().Defined);
  unsigned Writes = 0;
  for (const index::Function &F : Stored.Functions)
    Writes += F.VariableWrites.size();
  EXPECT_EQ(Writes, 2u); // in save() and in load(), whoever calls them
}

TEST(ProgramView, OneUnitReportsEachEntity) {
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
  auto Index = indexOf(I.Units);
  auto Owns = [&](const char *Live, const char *USR, bool Defined) {
    index::Unit U;
    U.MainFile = Live;
    index::Variable V;
    V.USR = USR;
    V.Defined = Defined;
    return ProgramView(std::move(U), Index).liveOwnsVariable(V);
  };
  // The unit that defines it reports it, wherever it sorts.
  EXPECT_FALSE(Owns("/p/b.cpp", "c:@counter", false));
  EXPECT_TRUE(Owns("/p/c.cpp", "c:@counter", true));
  // Defined nowhere: the first unit that knows it.
  EXPECT_TRUE(Owns("/p/a.cpp", "c:@inline_var", false));
  EXPECT_FALSE(Owns("/p/c.cpp", "c:@inline_var", false));
  EXPECT_TRUE(Owns("/p/0.cpp", "c:@inline_var", false));
}

TEST(ProgramView, HandlerInOneUnitReachesWriteInAnother) {
  auto Index = indexOf({summarized(Routes, "/project/routes.cpp")});
  Model M(summarized(Storage, "/project/storage.cpp"), Index);
  const GlobalState *Saved = M.global("saved");
  ASSERT_NE(Saved, nullptr);
  ASSERT_EQ(Saved->Writes.size(), 2u);
  std::optional<HandlerPath> Path = M.Handlers.pathTo(Saved->Writes[0].In);
  ASSERT_TRUE(Path.has_value());
  std::vector<Note> Notes = M.Handlers.describe(*Path);
  ASSERT_EQ(Notes.size(), 2u);
  EXPECT_EQ(Notes[0].Message, "reached from handler 'POST /save' (a lambda) "
                              "registered here with 'httplib::Server::Post'");
  EXPECT_EQ(Notes[0].At.File, "/project/routes.cpp");
  EXPECT_EQ(Notes[1].Message, "via call to 'save'");
  EXPECT_EQ(Notes[1].At.File, "/project/routes.cpp");
  EXPECT_FALSE(M.Handlers.pathTo(Saved->Writes[1].In).has_value());

  // Alone, the unit sees no handler.
  Model Alone(summarized(Storage, "/project/storage.cpp"));
  const GlobalState *AloneSaved = Alone.global("saved");
  ASSERT_NE(AloneSaved, nullptr);
  EXPECT_FALSE(Alone.Handlers.pathTo(AloneSaved->Writes[0].In).has_value());
}

TEST(ProgramView, VirtualCallReachesOverridesInOtherUnits) {
  constexpr const char *Interface = R"cpp(
    struct Store { virtual void save(const std::string &) = 0; };
    Store &store();
  )cpp";
  auto Index = indexOf({summarized(std::string(Interface) + R"cpp(
    int main() {
      httplib::Server s;
      s.Post("/save", [](const httplib::Request &, httplib::Response &) {
        store().save("x");
      });
    }
  )cpp",
                                   "/project/routes.cpp")});
  Model M(summarized(std::string(Interface) + R"cpp(
    #include <vector>
    std::vector<std::string> saved;
    struct Disk : Store {
      void save(const std::string &body) override { saved.push_back(body); }
    };
    Store &store() { static Disk disk; return disk; }
  )cpp",
                     "/project/disk.cpp"),
          Index);
  const GlobalState *Saved = M.global("saved");
  ASSERT_TRUE(Saved && !Saved->Writes.empty());
  std::optional<HandlerPath> Path = M.Handlers.pathTo(Saved->Writes.front().In);
  ASSERT_TRUE(Path.has_value());
  std::vector<Note> Notes = M.Handlers.describe(*Path);
  ASSERT_EQ(Notes.size(), 2u);
  EXPECT_EQ(Notes[1].Message,
            "via call to 'Store::save', which 'Disk::save' overrides");
}

TEST(ProgramView, ObjectOfMainSharedThroughMembersOfOtherUnits) {
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
  index::Unit Listening = summarized(std::string(Classes) + R"cpp(
    Listener::Listener(std::shared_ptr<Room> room) : room_(room) {}
    void Listener::start(httplib::Server &s) {
      auto session = std::make_shared<Session>(room_);
      s.Post("/join", [session](const httplib::Request &q, httplib::Response &r) {
        session->serve(q, r);
      });
    }
  )cpp",
                                     "/project/listener.cpp");
  index::Unit Serving = summarized(std::string(Classes) + R"cpp(
    Session::Session(std::shared_ptr<Room> room)
        : room_(room), own_(std::make_shared<Room>()) {}
    void Session::serve(const httplib::Request &, httplib::Response &) {
      if (room_->size() < 10)
        room_->join(1);
      own_->join(2);
    }
  )cpp",
                                   "/project/session.cpp");

  // The facts that carry the room, by USR.
  auto FunctionNamed = [](const index::Unit &U, llvm::StringRef Name) {
    for (const index::Function &F : U.Functions)
      if (F.Name == Name)
        return &F;
    return static_cast<const index::Function *>(nullptr);
  };
  const index::Function *Keeping = FunctionNamed(Serving, "Session::Session");
  ASSERT_NE(Keeping, nullptr);
  ASSERT_EQ(Keeping->Keeps.size(), 1u); // room_, not own_
  EXPECT_EQ(Keeping->Keeps[0].Parameter, 0u);
  EXPECT_EQ(Keeping->Keeps[0].Field, "c:@S@Session@FI@room_");
  const index::Function *Serve = FunctionNamed(Serving, "Session::serve");
  ASSERT_NE(Serve, nullptr);
  // room_->join and own_->join write through the members; size() is const.
  std::vector<unsigned> Through;
  for (const index::MemberWrite &W : Serve->MemberWrites)
    if (W.Pointee.isValid())
      Through.push_back(W.Pointee.Line);
  ASSERT_EQ(Through.size(), 2u);
  EXPECT_EQ(Through[1], Through[0] + 1);

  auto Index = indexOf({std::move(Listening), std::move(Serving)});
  Model M(summarized(std::string(Classes) + R"cpp(
    int main() {
      httplib::Server s;
      auto room = std::make_shared<Room>();
      Listener listener(room);
      listener.start(s);
    }
  )cpp",
                     "/project/main.cpp"),
          Index);
  const GlobalState *Room = M.global("room");
  ASSERT_NE(Room, nullptr);
  EXPECT_EQ(Room->Scope, VariableScope::SharedLocal);
  EXPECT_EQ(Room->SharedBy, "main");
  ASSERT_EQ(Room->Writes.size(), 1u);
  EXPECT_EQ(Room->Writes[0].Site.File, "/project/session.cpp");
  EXPECT_EQ(Room->Writes[0].Site.Line, Through[0]); // not own_'s
  EXPECT_TRUE(M.Handlers.pathTo(Room->Writes[0].In).has_value());
}

TEST(KnownTypes, Classification) {
  auto AST = tooling::buildASTFromCodeWithArgs(R"cpp(
    #include <map>
    #include <mutex>
    #include <random>
    #include <set>
    #include <string>
    #include <thread>
    #include <vector>
    struct Lru { using key_type = int; using mapped_type = int; };
    std::map<int, int> m; std::set<int> s; Lru l; std::vector<int> v;
    std::mutex mu; std::mt19937 rng; std::thread t; std::string str;
  )cpp", {"-std=c++17"});
  auto TypeOf = [&](const char *Name) {
    auto Matches = match(varDecl(hasName(Name)).bind("v"), AST->getASTContext());
    return Matches.front().getNodeAs<VarDecl>("v")->getType();
  };
  EXPECT_TRUE(isKeyedContainer(TypeOf("m")));
  EXPECT_TRUE(isKeyedContainer(TypeOf("s")));
  EXPECT_TRUE(isKeyedContainer(TypeOf("l")));
  EXPECT_FALSE(isKeyedContainer(TypeOf("v")));
  EXPECT_TRUE(isSynchronisationPrimitive(TypeOf("mu")));
  EXPECT_TRUE(isRandomGenerator(TypeOf("rng")));
  EXPECT_TRUE(isServiceInfrastructure(TypeOf("t")));
  EXPECT_FALSE(isServiceInfrastructure(TypeOf("str")));
}

} // namespace
} // namespace stateless

//===--- HandlerModelTest.cpp - the analysis core on its own ---------------===//
//
// Unit tests of lib/ without clang-tidy: code facts, handler roots,
// reachability and paths, built from source snippets.
//
//===----------------------------------------------------------------------===//

#include "CodeFacts.h"
#include "Frameworks.h"
#include "GlobalState.h"
#include "HandlerModel.h"
#include "KnownTypes.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
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
  };
  }
)cpp";

class Model {
public:
  explicit Model(const std::string &Code, HandlerOptions Options = {})
      : AST(tooling::buildASTFromCodeWithArgs(Httplib + Code, {"-std=c++17"})),
        Frameworks(std::move(Options)), Facts(AST->getASTContext(), Frameworks),
        Handlers(Facts) {}

  const FunctionDecl *function(const std::string &Name) {
    auto Matches = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                         AST->getASTContext());
    EXPECT_EQ(Matches.size(), 1u) << Name;
    return Matches.empty() ? nullptr
                           : Matches.front().getNodeAs<FunctionDecl>("f");
  }

  std::vector<std::string> path(const std::string &Name) {
    std::vector<std::string> Steps;
    if (std::optional<HandlerPath> P = Handlers.pathTo(function(Name)))
      for (const Note &N : Handlers.describe(*P))
        Steps.push_back(N.Message);
    return Steps;
  }

  std::unique_ptr<ASTUnit> AST;
  FrameworkTables Frameworks;
  CodeFacts Facts;
  HandlerModel Handlers;
};

TEST(HandlerModel, RegisteredFunctionAndWhatItCalls) {
  Model M(R"cpp(
    void save() {}
    void upload(const httplib::Request &, httplib::Response &) { save(); }
    void unrelated() {}
    int main() { httplib::Server s; s.Get("/", upload); }
  )cpp");
  EXPECT_EQ(M.path("save"),
            (std::vector<std::string>{
                "reached from handler 'upload' registered here with "
                "'httplib::Server::Get'",
                "via call to 'save'"}));
  EXPECT_TRUE(M.path("unrelated").empty());
  EXPECT_FALSE(M.Handlers.isStartUpOnly(M.function("unrelated")));
}

TEST(HandlerModel, CodeOnlyMainReachesIsStartUp) {
  Model M(R"cpp(
    void load_config() {}
    void shared() {}
    void handler(const httplib::Request &, httplib::Response &) { shared(); }
    int main() { load_config(); shared(); httplib::Server s; s.Get("/", handler); }
  )cpp");
  EXPECT_TRUE(M.Handlers.isStartUpOnly(M.function("load_config")));
  EXPECT_FALSE(M.Handlers.isStartUpOnly(M.function("shared")));
  EXPECT_TRUE(M.Handlers.isStartUpOnly(M.function("main")));
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
                "reached from handler 'h' registered here with "
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
  EXPECT_EQ(M.path("on_tick").front(),
            "reached from handler 'jobs::on_tick', named by the "
            "HandlerFunctions option");
  EXPECT_EQ(M.path("on_event").front(),
            "reached from handler 'on_event' registered here with "
            "'bus::subscribe'");
  EXPECT_EQ(M.path("Call").front(),
            "reached from handler 'Impl::Call', a method of a subclass of "
            "'rpc::Base'");
  EXPECT_TRUE(M.path("helper").empty());
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
  WriteFinders Finders(M.AST->getASTContext());
  GlobalStateAnalysis Globals(M.Facts, M.Handlers, Finders, nullptr);
  ASSERT_EQ(Globals.variables().size(), 1u);
  const GlobalVariable &Hits = Globals.variables().front();
  EXPECT_EQ(Hits.Decl->getName(), "hits");
  ASSERT_EQ(Hits.Writes.size(), 1u);
  EXPECT_TRUE(M.Handlers.pathTo(Hits.Writes.front().Function).has_value());
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

// A class whose `this` registered lambdas capture is a handler object too
// (Crow's routing API as its headers declare it); members can be allowed.
// RUN: %check_stateless %s stateless-handler-member-state %t -- -std=c++17 -isystem %S/../frameworks/Inputs/crow -I%stateless_include

#include "crow.h"

#include <map>
#include <stateless/annotations.h>
#include <string>
#include <vector>

class ChatServer {
public:
  explicit ChatServer(std::string name) : name_(std::move(name)) {}

  void routes(crow::SimpleApp &app) {
    CROW_ROUTE(app, "/post")([this](const crow::request &req) {
      history_.push_back(req.body);
      templates_[req.url] = "<p>" + req.body + "</p>";
      return crow::response(204);
    });
    CROW_ROUTE(app, "/name")([this] { return crow::response(name_); });
  }

private:
  const std::string name_;
  std::vector<std::string> history_;
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: member 'ChatServer::history_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-11]]:7: note: 'history_' is modified here
  // CHECK-NOTES: :[[@LINE-13]]:16: note: reached from handler 'GET /post' (a lambda) registered here with 'crow::TaggedRule::operator()'
  STATELESS_ALLOW(cache, "rendered templates, rebuilt on a miss")
  std::map<std::string, std::string> templates_;
  STATELESS_ALLOW(cach, "typo")
  int typo_;
  // CHECK-NOTES: :[[@LINE-2]]:3: warning: STATELESS_ALLOW on 'ChatServer::typo_' has unknown kind 'cach'; use one of cache, pool, metrics, dedup, ratelimit, config, sync, other [stateless-handler-member-state]
};

// A plain value type used by a handler is not a handler object.
struct Page {
  std::string body;
  void append(const std::string &s) { body += s; }
};

int main() {
  crow::SimpleApp app;
  ChatServer chat("lobby");
  chat.routes(app);
  CROW_ROUTE(app, "/page")([] {
    Page page;
    page.append("hello");
    return crow::response(page.body);
  });
  app.port(18080).run();
}

// Crow's websocket chat example keeps its connection registry in main():
// the handler lambdas capture it by reference, so it lives as long as the
// process (Crow's routing API as its headers declare it, in
// frameworks/Inputs/crow).
// RUN: %check_stateless %s stateless-static-session-map,stateless-mutable-global %t -- -std=c++17 -isystem %S/../frameworks/Inputs/crow

#include "crow.h"

#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

// A handler object that keeps the registry it is given.
class Presence {
  std::shared_ptr<std::unordered_set<std::string>> online_;

public:
  explicit Presence(std::shared_ptr<std::unordered_set<std::string>> online)
      : online_(std::move(online)) {}
  std::string operator()(std::string user) const {
    online_->insert(user);
    return user;
  }
};

int main() {
  crow::SimpleApp app;
  std::mutex mtx;
  std::unordered_set<crow::websocket::connection *> users;
  // CHECK-NOTES: :[[@LINE-1]]:53: warning: local container 'users', which 'main' shares with request code, is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
  // CHECK-NOTES: :[[@LINE+16]]:9: note: 'users' is modified here
  // CHECK-NOTES: :[[@LINE+13]]:8: note: reached from handler '/ws' (a lambda) registered here with 'crow::WebSocketRule::onopen'
  // Filled at start-up, only read by handlers: configuration.
  std::unordered_set<std::string> banned;
  banned.insert("10.0.0.1");
  // Written only by code that runs where it is written.
  std::unordered_set<std::string> seen_at_start_up;
  [&] { seen_at_start_up.insert("boot"); }();

  CROW_ROUTE(app, "/banned/<string>")([&](std::string ip) {
    return banned.count(ip) ? "yes" : "no";
  });

  CROW_WEBSOCKET_ROUTE(app, "/ws")
      .onopen([&](crow::websocket::connection &conn) {
        std::lock_guard<std::mutex> _(mtx);
        users.insert(&conn);
      })
      .onclose([&](crow::websocket::connection &conn, const std::string &) {
        std::lock_guard<std::mutex> _(mtx);
        users.erase(&conn);
      })
      .onmessage([&](crow::websocket::connection &, const std::string &data,
                     bool) {
        std::lock_guard<std::mutex> _(mtx);
        for (auto *user : users) // reading the registry is not a write
          user->send_text(data);
      });

  // Made without a name where the handler object is made.
  CROW_ROUTE(app, "/hello/<string>")
  (Presence(std::make_shared<std::unordered_set<std::string>>()));
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: container of type 'std::unordered_set<std::string>', which 'main' makes and shares with request code, is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
  // CHECK-NOTES: :[[@LINE-43]]:5: note: the object is modified here
  // CHECK-NOTES: :[[@LINE-4]]:14: note: reached from handler 'GET /hello/<string>' ('Presence::operator()') registered here with 'crow::TaggedRule::operator()'

  app.port(40080).multithreaded().run();
}

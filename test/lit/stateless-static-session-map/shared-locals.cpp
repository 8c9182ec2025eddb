// Crow's websocket chat example keeps its connection registry in main():
// the handler lambdas capture it by reference, so it lives as long as the
// process (Crow's routing API as its headers declare it, in
// frameworks/Inputs/crow).
// RUN: %check_stateless %s stateless-static-session-map,stateless-mutable-global %t -- -std=c++17 -isystem %S/../frameworks/Inputs/crow

#include "crow.h"

#include <mutex>
#include <string>
#include <unordered_set>

int main() {
  crow::SimpleApp app;
  std::mutex mtx;
  std::unordered_set<crow::websocket::connection *> users;
  // CHECK-NOTES: :[[@LINE-1]]:53: warning: local container 'users', which 'main' shares with request code, is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
  // CHECK-NOTES: :[[@LINE+16]]:9: note: 'users' is modified here
  // CHECK-NOTES: :[[@LINE+13]]:8: note: reached from a handler lambda registered here with 'crow::WebSocketRule::onopen'
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

  app.port(40080).multithreaded().run();
}

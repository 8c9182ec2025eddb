// A Crow service: HTTP rules and websocket callbacks (Crow's routing API as
// its headers declare it, in Inputs/crow).
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 -isystem %S/Inputs/crow

#include "crow.h"

#include <cstdio>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>

std::set<crow::websocket::connection *> users;
// CHECK-NOTES: :[[@LINE-1]]:41: warning: global container 'users' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+53]]:9: note: 'users' is modified here
// CHECK-NOTES: :[[@LINE+50]]:8: note: reached from handler '/ws' (a lambda) registered here with 'crow::WebSocketRule::onopen'
std::mutex users_lock;
std::unordered_map<std::string, int> likes;
// CHECK-NOTES: :[[@LINE-1]]:38: warning: global container 'likes' is modified after start-up
// CHECK-NOTES: :[[@LINE+28]]:5: note: 'likes' is modified here
// CHECK-NOTES: :[[@LINE+25]]:14: note: reached from handler 'POST /like/<string>' (a lambda) registered here with 'crow::TaggedRule::operator()'
std::string motd = "hello";
// CHECK-NOTES: :[[@LINE-1]]:13: warning: global variable 'motd' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+31]]:5: note: 'motd' is modified here
// CHECK-NOTES: :[[@LINE+28]]:14: note: reached from handler 'PUT /motd' (a lambda) registered here with 'crow::TaggedRule::operator()'
int visits;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'visits' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+33]]:5: note: 'visits' is modified here
// CHECK-NOTES: :[[@LINE+31]]:14: note: reached from handler 'GET /visits' (a lambda) registered here with 'crow::TaggedRule::operator()'

void append_log(const std::string &line) {
  std::FILE *log = std::fopen("/var/log/app/requests.log", "a");
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'fopen' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE+12]]:14: note: reached from handler 'POST /like/<string>' (a lambda) registered here with 'crow::TaggedRule::operator()'
  // CHECK-NOTES: :[[@LINE+14]]:5: note: via call to 'append_log'
  std::fputs(line.c_str(), log);
  std::fclose(log);
}

int main() {
  crow::SimpleApp app;
  motd = "welcome"; // start-up

  CROW_ROUTE(app, "/")([] { return motd; });

  CROW_ROUTE(app, "/like/<string>")
      .methods("POST"_method)([](const crow::request &req, std::string item) {
    likes[item]++;
    append_log(req.url);
    return crow::response(204);
  });

  CROW_ROUTE(app, "/motd")
      .methods(crow::HTTPMethod::Put)([](const crow::request &req) {
    motd = req.body;
    return crow::response(204);
  });

  // A rule serves GET unless its methods say otherwise.
  CROW_ROUTE(app, "/visits")([] {
    ++visits;
    return crow::response(200);
  });

  CROW_WEBSOCKET_ROUTE(app, "/ws")
      .onopen([&](crow::websocket::connection &conn) {
        std::lock_guard<std::mutex> guard(users_lock);
        users.insert(&conn);
      })
      .onmessage([&](crow::websocket::connection &, const std::string &data,
                     bool) {
        std::lock_guard<std::mutex> guard(users_lock);
        for (auto *user : users) // reading the registry is not a write
          user->send_text(data);
      });

  // A thread handed the request's response finishes that request: no job.
  CROW_ROUTE(app, "/slow")([](const crow::request &, crow::response &res) {
    std::thread([&res] {
      res.write("done");
      res.end();
    }).detach();
  });
  CROW_ROUTE(app, "/verify")([](const crow::request &, crow::response &res) {
    auto verify = [&res] { res.end(); };
    std::thread verifier(verify);
    verifier.detach();
  });

  app.port(18080).multithreaded().run();
}

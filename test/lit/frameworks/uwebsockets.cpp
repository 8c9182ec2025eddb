// A uWebSockets service: HTTP routes and a websocket behaviour given as
// designated initialisers (uWebSockets' API as its headers declare it, in
// Inputs/uWebSockets).
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++20 -isystem %S/Inputs/uWebSockets

#include "App.h"

#include <string>
#include <unistd.h>
#include <unordered_set>

struct PerSocketData {
  int id;
};

std::unordered_set<void *> online;
// CHECK-NOTES: :[[@LINE-1]]:28: warning: global container 'online' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+17]]:34: note: 'online' is modified here
// CHECK-NOTES: :[[@LINE+15]]:8: note: reached from handler '/*' (a lambda) registered here with 'uWS::TemplatedApp::ws'
int next_id;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'next_id' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+13]]:77: note: 'next_id' is modified here
// CHECK-NOTES: :[[@LINE+11]]:8: note: reached from handler '/*' (a lambda) registered here with 'uWS::TemplatedApp::ws'

int main() {
  uWS::App()
      .get("/*", [](auto *res, auto *) { res->end("Hello world!"); })
      .post("/purge", [](auto *res, auto *) {
        unlink("/var/cache/app/index");
        // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'unlink' deletes a file on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
        // CHECK-NOTES: :[[@LINE-3]]:8: note: reached from handler 'POST /purge' (a lambda) registered here with 'uWS::TemplatedApp::post'
        res->end("purged");
      })
      .ws<PerSocketData>("/*", {
          .open = [](auto *ws) { online.insert(ws); ws->getUserData()->id = ++next_id; },
          .message = [](auto *ws, std::string_view message, uWS::OpCode opCode) {
            ws->send(message, opCode);
          },
          .close = [](auto *ws, int, std::string_view) { online.erase(ws); },
      })
      .listen(9001, [](auto *) {})
      .run();
}

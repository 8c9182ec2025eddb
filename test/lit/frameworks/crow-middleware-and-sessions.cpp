// Crow: the middlewares an app is instantiated with serve requests
// (before_handle, after_handle); a SessionMiddleware with an InMemoryStore
// or a FileStore keeps every session in this instance (Crow's API as its
// headers declare it, in Inputs/crow).
// RUN: %check_stateless %s stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 -isystem %S/Inputs/crow -I%stateless_include

#include "crow.h"

#include <stateless/annotations.h>

unsigned long requests_seen;
// CHECK-NOTES: :[[@LINE-1]]:15: warning: global variable 'requests_seen' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+8]]:70: note: 'requests_seen' is modified here
// CHECK-NOTES: :[[@LINE+19]]:51: note: reached from handler 'Counter::before_handle' registered here with 'crow::Crow'
unsigned long unused_counter;
// CHECK-NOTES: :[[@LINE-1]]:15: warning: global variable 'unused_counter' is modified after start-up
// CHECK-NOTES: :[[@LINE+10]]:70: note: 'unused_counter' is modified here

struct Counter {
  struct context {};
  void before_handle(crow::request &, crow::response &, context &) { ++requests_seen; }
  void after_handle(crow::request &, crow::response &, context &) {}
};
// Not an app's middleware: its methods serve no request (no handler path).
struct Unused {
  struct context {};
  void before_handle(crow::request &, crow::response &, context &) { ++unused_counter; }
};

using Session = crow::SessionMiddleware<crow::InMemoryStore>;

int main() {
  crow::App<crow::CookieParser, Session, Counter> app;
  // CHECK-NOTES: :[[@LINE-1]]:51: warning: 'crow::App<crow::CookieParser, Session, Counter>' keeps every session in this instance's memory (crow::InMemoryStore): a user's next request, served by another instance, finds no session, and a restart loses them all; keep sessions in a shared store (Redis, a database) or in signed tokens [stateless-static-session-map]
  CROW_ROUTE(app, "/")([] { return "hello"; });
  app.port(18080).run();
}

void run_with_files() {
  crow::App<crow::CookieParser, crow::SessionMiddleware<crow::FileStore>> app;
  // CHECK-NOTES: :[[@LINE-1]]:75: warning: 'crow::App<crow::CookieParser, crow::SessionMiddleware<crow::FileStore>>' keeps every session in files on this instance's disk (crow::FileStore)
  app.port(18081).run();
}

// Accepted, with a reason.
STATELESS_ALLOW(cache, "a single-instance admin console; losing a session only asks to log in again")
void run_admin() {
  crow::App<crow::CookieParser, Session> app;
  app.port(18082).run();
}

// No session middleware: nothing kept.
void run_plain() {
  crow::SimpleApp app;
  app.port(18083).run();
}

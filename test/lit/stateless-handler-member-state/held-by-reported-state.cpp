// One finding per piece of state: the members of a handler object that a
// reported variable holds (a singleton, the values of a session map) are
// part of that variable's finding, not findings of their own (the real
// <httplib.h>).
// RUN: %check_stateless %s stateless-handler-member-state,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 -pthread

#include <httplib.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace std::placeholders;

// A singleton handler object, written through its accessor by request code:
// reported as a whole, at its instance.
class Api {
public:
  static Api &instance() {
    static Api api;
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: static local variable 'api' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
    return api;
  }
  void handle(const httplib::Request &req, httplib::Response &) {
    ++visits_[req.path];
  }
  void reset() { visits_.clear(); }

private:
  std::map<std::string, int> visits_;
};

// Rooms live in a session map; the lobby's post handler is a room's method.
class Room {
public:
  void post(const httplib::Request &req, httplib::Response &) {
    messages_.push_back(req.body);
  }

private:
  std::vector<std::string> messages_;
};

std::map<std::string, Room> rooms;
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: global container 'rooms' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]

// A long-lived handler object that no reported variable holds: its members
// are its own findings.
class Counter {
public:
  void handle(const httplib::Request &, httplib::Response &) { ++count_; }

private:
  long count_ = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: member 'Counter::count_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
};

int main() {
  httplib::Server svr;
  Counter counter;
  svr.Get("/api", std::bind(&Api::handle, &Api::instance(), _1, _2));
  svr.Post("/api/reset", [](const httplib::Request &, httplib::Response &) {
    Api::instance().reset();
  });
  svr.Post("/rooms", [](const httplib::Request &req, httplib::Response &) {
    rooms[req.body];
  });
  Room &lobby = rooms["lobby"];
  svr.Post("/lobby", httplib::Server::Handler(std::bind(&Room::post, &lobby, _1, _2)));
  svr.Get("/count", std::bind(&Counter::handle, &counter, _1, _2));
  svr.listen("0.0.0.0", 8080);
}

// A getter that returns a handler object's pointer member hands out the
// object it points to: what its callers write through the result is the
// member's state, not the return (Crow's routing API as its headers
// declare it). A database client whose methods change none of its members
// is not written; a counter whose method counts is.
// REQUIRES: pointee-writes
// RUN: %check_stateless %s stateless-handler-member-state %t -- -std=c++17 -isystem %S/../frameworks/Inputs/crow

#include "crow.h"

#include <string>

class DatabaseClient {
public:
  bool insert(const std::string &document) { return send("insert", document); }

private:
  bool send(const std::string &operation, const std::string &document) const {
    return !operation.empty() && !document.empty() && !url_.empty();
  }
  std::string url_ = "mongodb://db:27017";
};

class Counter {
public:
  void hit() { ++hits_; }
  int hits_ = 0;
};

class Server {
public:
  Server() : db_(new DatabaseClient()), counter_(new Counter()) {}
  DatabaseClient *db() { return db_; }
  Counter *counter() { return counter_; }

  void routes(crow::SimpleApp &app) {
    CROW_ROUTE(app, "/documents")([this](const crow::request &req) {
      db()->insert(req.body);
      counter()->hit();
      return crow::response(204);
    });
  }

private:
  DatabaseClient *db_;
  Counter *counter_;
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: member 'Server::counter_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-9]]:7: note: 'counter_' is modified here
  // CHECK-NOTES: :[[@LINE-12]]:16: note: reached from handler 'GET /documents' (a lambda) registered here with 'crow::TaggedRule::operator()'
};

int main() {
  crow::SimpleApp app;
  Server server;
  server.routes(app);
  app.port(18080).run();
}

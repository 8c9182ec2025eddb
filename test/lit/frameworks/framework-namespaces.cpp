// A framework included with -I (vendored, or not installed as a system
// header) is library code all the same: the state of its own classes (Crow's
// server counts connections in a member its accept handler writes) is not
// the service's, while the service's own state still is.
// RUN: %check_stateless %s stateless-handler-member-state,stateless-mutable-global,stateless-static-session-map,stateless-instance-timer,stateless-local-fs-write %t -- -std=c++17 -I %S/Inputs/crow

#include "crow.h"

#include <string>
#include <unordered_map>

std::unordered_map<std::string, int> likes;
// CHECK-NOTES: :[[@LINE-1]]:38: warning: global container 'likes' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+7]]:5: note: 'likes' is modified here
// CHECK-NOTES: :[[@LINE+4]]:14: note: reached from handler 'POST /like/<string>' (a lambda) registered here with 'crow::TaggedRule::operator()'

int main() {
  crow::SimpleApp app;
  CROW_ROUTE(app, "/like/<string>")
      .methods("POST"_method)([](const crow::request &, std::string item) {
    likes[item]++;
    return crow::response(204);
  });
  app.port(18080).run();
}

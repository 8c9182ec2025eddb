// An oatpp controller defined in a header that only this unit includes: its
// endpoints are handlers, and what they call is request code.
// RUN: %check_stateless %s stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 -isystem %S/Inputs/oatpp -I%S/Inputs/oatpp-app

#include "UserController.hpp"

#include <map>
#include <string>

std::map<int, std::string> names;
// CHECK-NOTES: :[[@LINE-1]]:28: warning: global container 'names' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+4]]:3: note: 'names' is modified here
// CHECK-NOTES: UserController.hpp:14:39: note: reached from handler 'UserController::createUser', a method of a subclass of 'oatpp::web::server::api::ApiController'
// CHECK-NOTES: UserController.hpp:16:5: note: via call to 'remember'
void remember(int userId, const std::string &name) {
  names[userId] = name;
}

int main() {
  auto controller = std::make_shared<UserController>();
}

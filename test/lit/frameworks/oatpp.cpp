// An oatpp service: ENDPOINTs of an ApiController (oatpp's API as its headers
// declare it, in Inputs/oatpp).
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 -isystem %S/Inputs/oatpp

#include "oatpp.h"

#include <cstdio>
#include <map>
#include <string>

std::map<int, std::string> user_cache;
// CHECK-NOTES: :[[@LINE-1]]:28: warning: global container 'user_cache' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+15]]:5: note: 'user_cache' is modified here
// CHECK-NOTES: :[[@LINE+12]]:39: note: reached from handler 'UserController::createUser', a method of a subclass of 'oatpp::web::server::api::ApiController'

OATPP_CODEGEN_BEGIN(ApiController)

class UserController : public oatpp::web::server::api::ApiController {
public:
  ENDPOINT("GET", "/users/{userId}", getUser, PATH(oatpp::Int32, userId)) {
    auto it = user_cache.find(userId);
    return createResponse(oatpp::web::protocol::http::STATUS_200,
                          it == user_cache.end() ? "" : it->second);
  }

  ENDPOINT("POST", "/users/{userId}", createUser, PATH(oatpp::Int32, userId),
           BODY_STRING(oatpp::String, body)) {
    user_cache[userId] = body;
    std::FILE *journal = std::fopen("/var/lib/users/journal", "a+");
    // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'fopen' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
    // CHECK-NOTES: :[[@LINE-5]]:39: note: reached from handler 'UserController::createUser', a method of a subclass of 'oatpp::web::server::api::ApiController'
    std::fclose(journal);
    return createResponse(oatpp::web::protocol::http::STATUS_201, body);
  }
};

OATPP_CODEGEN_END(ApiController)

int main() { UserController controller; }

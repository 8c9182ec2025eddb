#pragma once
// An oatpp controller whose endpoints are defined in its class, in a header
// that only main's unit includes (as oatpp's own examples lay them out).
#include "oatpp.h"

#include <string>

void remember(int userId, const std::string &name);

OATPP_CODEGEN_BEGIN(ApiController)

class UserController : public oatpp::web::server::api::ApiController {
public:
  ENDPOINT("POST", "/users/{userId}", createUser, PATH(oatpp::Int32, userId),
           BODY_STRING(oatpp::String, body)) {
    remember(userId, body);
    return createResponse(oatpp::web::protocol::http::STATUS_200, "");
  }
};

OATPP_CODEGEN_END(ApiController)

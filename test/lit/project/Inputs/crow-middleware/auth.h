#pragma once
#include "crow.h"
#include <map>
#include <string>

// The service's sessions, kept by the middleware after each request.
extern std::map<std::string, std::string> sessions;

struct Auth {
  struct context {
    std::string user;
  };
  // Inline: defined where the app is made.
  template <typename AllContext>
  void before_handle(crow::request &req, crow::response &, context &ctx,
                     AllContext &) {
    ctx.user = req.url;
  }
  // Out of line, in auth.cpp: no unit that makes the app has its body.
  void after_handle(crow::request &req, crow::response &res, context &ctx);
};

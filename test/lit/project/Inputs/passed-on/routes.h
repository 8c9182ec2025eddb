#pragma once
#include "users.h"
#include <restinio/all.hpp>

using router_t = restinio::router::express_router_t<>;

namespace routes {
// Route functors that keep what they are given in a reference member.
class add_user {
  UserStore &store_;

public:
  explicit add_user(UserStore &store) : store_(store) {}
  restinio::request_handling_status_t
  operator()(restinio::request_handle_t req, restinio::router::route_params_t);
};
class count_users {
  UserStore &store_;

public:
  explicit count_users(UserStore &store) : store_(store) {}
  restinio::request_handling_status_t
  operator()(restinio::request_handle_t req, restinio::router::route_params_t);
};
class greet {
  Settings &settings_;

public:
  explicit greet(Settings &settings) : settings_(settings) {}
  restinio::request_handling_status_t
  operator()(restinio::request_handle_t req, restinio::router::route_params_t);
};

void fill(router_t &router, UserStore &store, Settings &settings);
} // namespace routes

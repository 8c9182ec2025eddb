#include "routes.h"

namespace routes {
restinio::request_handling_status_t
add_user::operator()(restinio::request_handle_t req,
                     restinio::router::route_params_t) {
  const int id = store_.add(req->body());
  return req->create_response().set_body(std::to_string(id)).done();
}

restinio::request_handling_status_t
count_users::operator()(restinio::request_handle_t req,
                        restinio::router::route_params_t) {
  return req->create_response().set_body(std::to_string(store_.count())).done();
}

restinio::request_handling_status_t
greet::operator()(restinio::request_handle_t req,
                  restinio::router::route_params_t) {
  return req->create_response().set_body(settings_.text()).done();
}

void fill(router_t &router, UserStore &store, Settings &settings) {
  router.http_put("/users", add_user{store});
  router.http_get("/users/count", count_users{store});
  router.http_get("/", greet{settings});
}
} // namespace routes

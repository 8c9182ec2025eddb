// A RESTinio service (the real Debian <restinio/...> headers): an express
// router and a plain request handler.
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17

#include <restinio/all.hpp>

#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

using router_t = restinio::router::express_router_t<>;

std::unordered_map<std::string, std::string> books;
// CHECK-NOTES: :[[@LINE-1]]:46: warning: global container 'books' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+16]]:5: note: 'books' is modified here
// CHECK-NOTES: :[[@LINE+14]]:11: note: reached from handler 'POST /books/:id' (a lambda) registered here with 'restinio::router::generic_express_router_t::http_post'
std::vector<std::string> access_log;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: global variable 'access_log' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+27]]:9: note: 'access_log' is modified here
// CHECK-NOTES: :[[@LINE+24]]:55: note: reached from a handler lambda registered here with 'restinio::basic_server_settings_t::request_handler'

std::unique_ptr<router_t> make_router() {
  auto router = std::make_unique<router_t>();
  router->http_get("/books/:id", [](auto req, auto params) {
    auto it = books.find(std::string(params["id"]));
    return req->create_response()
        .set_body(it == books.end() ? "" : it->second)
        .done();
  });
  router->http_post("/books/:id", [](auto req, auto params) {
    books[std::string(params["id"])] = req->body();
    return req->create_response(restinio::status_created()).done();
  });
  router->http_delete("/books", [](auto req, auto) {
    std::remove("/var/lib/books/index.db");
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'remove' deletes a file on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
    // CHECK-NOTES: :[[@LINE-3]]:11: note: reached from handler 'DELETE /books' (a lambda) registered here with 'restinio::router::generic_express_router_t::http_delete'
    return req->create_response().done();
  });
  return router;
}

void run_plain() {
  restinio::run(restinio::on_this_thread().port(8081).request_handler(
      [](auto req) {
        access_log.push_back(std::string(req->header().path()));
        return req->create_response().set_body("hello").done();
      }));
}

int main() {
  using traits_t = restinio::traits_t<restinio::asio_timer_manager_t,
                                      restinio::null_logger_t, router_t>;
  restinio::run(restinio::on_this_thread<traits_t>()
                    .port(8080)
                    .address("localhost")
                    .request_handler(make_router()));
}

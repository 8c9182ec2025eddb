// Request handlers, registered in main.cpp; the state they write lives in
// sessions.cpp.
#include "routes.h"
#include "sessions.h"

namespace shop {

void login(const httplib::Request &req, httplib::Response &res) {
  std::string token = new_token();
  sessions[token] = Session{req.get_param_value("user"),
                            std::chrono::steady_clock::now() + std::chrono::hours(1)};
  res.set_content(token, "text/plain");
}

void add_to_cart(const httplib::Request &req, httplib::Response &res) {
  auto session = sessions.find(req.get_header_value("X-Token"));
  if (session == sessions.end()) {
    res.status = 401;
    return;
  }
  carts[session->second.user].items[req.get_param_value("sku")] += 1;
  res.status = 204;
}

} // namespace shop

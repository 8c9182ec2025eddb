// The shop's entry point: configuration, routes and the server. Run
// `scripts/demo.sh` to see stateless-tidy find the hidden state of the
// whole service, across its files.
#include "catalogue.h"
#include "config.h"
#include "events.h"
#include "orders.h"
#include "recommendations.h"
#include "routes.h"

#include <cstdlib>
#include <functional>

namespace shop {
std::string data_dir = "/var/lib/shop";
int port = 8080;
} // namespace shop

int main(int argc, char **argv) {
  using namespace shop;
  if (const char *dir = std::getenv("SHOP_DATA_DIR"))
    data_dir = dir;
  if (argc > 1)
    port = std::atoi(argv[1]);

  httplib::Server server;
  Recommendations recommendations;
  server.Post("/login", login);
  server.Post("/viewed", httplib::Server::Handler(std::bind(
                             &Recommendations::viewed, &recommendations,
                             std::placeholders::_1, std::placeholders::_2)));
  server.Post("/cart", add_to_cart);
  server.Post("/upload", upload);
  server.Get(R"(/products/(\w+))", [](const httplib::Request &req, httplib::Response &res) {
    res.set_content(product_page(req.matches[1]), "text/html");
  });
  server.Post("/checkout", [](const httplib::Request &req, httplib::Response &res) {
    if (!allow(req.remote_addr)) {
      res.status = 429;
      return;
    }
    ++orders_placed;
    start_report(static_cast<int>(orders_placed), req.get_param_value("user"));
    res.status = 202;
  });
  server.Get("/events", [](const httplib::Request &req, httplib::Response &res) {
    subscribe(req.remote_addr);
    res.set_content("subscribed", "text/plain");
  });
  // Who is online: a local of main() that a handler captures lives as long
  // as the instance.
  std::set<std::string> online;
  server.Post("/presence", [&online](const httplib::Request &req, httplib::Response &res) {
    online.insert(req.get_param_value("user"));
    res.status = 204;
  });
  // A periodic job: every instance runs it, and it stops with the instance.
  std::thread([] {
    for (;;) {
      std::this_thread::sleep_for(std::chrono::hours(24));
      reseed_tokens();
    }
  }).detach();
  server.listen("0.0.0.0", port);
}

// A small shop API on cpp-httplib that keeps its state in the process: every
// kind of hidden state that stops a service from scaling out. Run
// `scripts/demo.sh` to see stateless-tidy find it.
#include <stateless/annotations.h>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace shop {

struct Session {
  std::string user;
  std::chrono::steady_clock::time_point expires;
};

struct Cart {
  std::map<std::string, int> items;
};

// Configuration read once at start-up: not state.
std::string data_dir = "/var/lib/shop";
int port = 8080;

// Hidden state: each instance has its own copy.
std::unordered_map<std::string, Session> sessions; // login on A, 401 on B
std::map<std::string, Cart> carts;                  // the cart vanishes on restart
std::atomic<unsigned long> orders_placed{0};        // per-instance counter
std::vector<std::string> recent_uploads;            // registry of local files
std::set<std::string> subscribers;                  // long-poll clients of this instance

struct Jobs {
  static std::map<int, std::string> results; // background results kept in memory
};
std::map<int, std::string> Jobs::results;

// Legitimate state, annotated: losing it costs performance, not correctness.
STATELESS_ALLOW(cache, "product pages, re-rendered from the catalogue on a miss")
std::unordered_map<std::string, std::string> page_cache;

std::mutex lock;
std::mt19937 token_engine{std::random_device{}()};

std::string new_token() {
  std::lock_guard<std::mutex> guard(lock);
  return std::to_string(token_engine());
}

bool allow(const std::string &ip) {
  // A local rate limit: with N instances the real limit is N times higher.
  static std::unordered_map<std::string, int> hits_per_ip;
  return ++hits_per_ip[ip] <= 100;
}

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

void upload(const httplib::Request &req, httplib::Response &res) {
  std::string path = data_dir + "/uploads/" + req.get_param_value("name");
  std::ofstream(path) << req.body; // stranded on this host
  recent_uploads.push_back(path);
  res.status = 201;
}

void start_report(int job, std::string user) {
  std::thread([job, user] { Jobs::results[job] = "report for " + user; }).detach();
}

// A long-lived handler object: its members live as long as the instance.
class Recommendations {
public:
  void viewed(const httplib::Request &req, httplib::Response &res) {
    recently_viewed_[req.get_header_value("X-Token")].push_back(req.get_param_value("sku"));
    res.status = 204;
  }

private:
  std::map<std::string, std::vector<std::string>> recently_viewed_;
};

const std::string &product_page(const std::string &sku) {
  auto &page = page_cache[sku];
  if (page.empty())
    page = "<h1>" + sku + "</h1>";
  return page;
}

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
    subscribers.insert(req.remote_addr);
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
      std::lock_guard<std::mutex> guard(lock);
      token_engine.seed(std::random_device{}()); // reseed the token generator
    }
  }).detach();
  server.listen("0.0.0.0", port);
}

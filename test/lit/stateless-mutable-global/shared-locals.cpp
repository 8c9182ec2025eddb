// Locals of main() live as long as the process: when request handlers
// capture them (by reference, or a shared_ptr by copy) or keep them in a
// handler object's reference or shared_ptr member, and request code writes
// them, they are reported like globals (the real <httplib.h>).
// RUN: %check_stateless %s stateless-mutable-global,stateless-static-session-map,stateless-handler-member-state %t -- -std=c++17 -pthread -I%stateless_include

#include <httplib.h>
#include <stateless/annotations.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <utility>
#include <vector>

struct Stats {
  long hits = 0;
  void record() { ++hits; }
  long total() const { return hits; }
};

struct Inventory {
  std::map<std::string, int> items;
  void add(const std::string &item) { ++items[item]; }
};

// A handler object that owns what its members point to: writing the
// pointee writes the member.
class Tally {
public:
  Tally() : made_(std::make_shared<Stats>()) {}
  void handle(const httplib::Request &, httplib::Response &) {
    owned_->record();
    made_->record();
  }

private:
  std::unique_ptr<Stats> owned_ = std::make_unique<Stats>();
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: member 'Tally::owned_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-7]]:5: note: 'owned_' is modified here
  // CHECK-NOTES: :[[@LINE+89]]:7: note: reached from handler 'GET /tally' ('Tally::handle') registered here with 'httplib::Server::Get'
  std::shared_ptr<Stats> made_;
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: member 'Tally::made_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-10]]:5: note: 'made_' is modified here
  // CHECK-NOTES: :[[@LINE+85]]:7: note: reached from handler 'GET /tally' ('Tally::handle') registered here with 'httplib::Server::Get'
};

// A handler object that keeps what main() hands it: what it writes through
// those members is main()'s objects' state, not its own.
class OrderHandler {
public:
  OrderHandler(Stats &stats, std::shared_ptr<Inventory> inventory)
      : stats_(stats), inventory_(std::move(inventory)) {}
  void operator()(const httplib::Request &req, httplib::Response &res) {
    stats_.record();
    inventory_->add(req.body);
    res.set_content(std::to_string(stats_.total()), "text/plain");
  }

private:
  Stats &stats_;
  std::shared_ptr<Inventory> inventory_;
};

// A handler object that only reads what it is given.
class ReportHandler {
public:
  explicit ReportHandler(std::shared_ptr<const Stats> stats)
      : stats_(std::move(stats)) {}
  void operator()(const httplib::Request &, httplib::Response &res) {
    res.set_content(std::to_string(stats_->total()), "text/plain");
  }

private:
  std::shared_ptr<const Stats> stats_;
};

int main() {
  httplib::Server svr;
  std::mutex lock;
  std::mt19937 rng;

  std::map<std::string, std::string> sessions;
  // CHECK-NOTES: :[[@LINE-1]]:38: warning: local container 'sessions', which 'main' shares with request code, is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
  // CHECK-NOTES: :[[@LINE+27]]:5: note: 'sessions' is modified here
  // CHECK-NOTES: :[[@LINE+24]]:7: note: reached from handler 'POST /login' (a lambda) registered here with 'httplib::Server::Post'
  auto hits = std::make_shared<Stats>();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: local variable 'hits', which 'main' shares with request code, is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
  // CHECK-NOTES: :[[@LINE+30]]:5: note: 'hits' is modified here
  // CHECK-NOTES: :[[@LINE+28]]:7: note: reached from handler 'GET /hit' (a lambda) registered here with 'httplib::Server::Get'
  Stats orders;
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: local variable 'orders', which 'main' shares with request code, is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
  // CHECK-NOTES: :[[@LINE-38]]:5: note: 'orders' is modified here
  // CHECK-NOTES: :[[@LINE+33]]:7: note: reached from handler 'POST /order' ('OrderHandler::operator()') registered here with 'httplib::Server::Post'
  auto inventory = std::make_shared<Inventory>();
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: local variable 'inventory', which 'main' shares with request code, is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
  // CHECK-NOTES: :[[@LINE-41]]:5: note: 'inventory' is modified here
  // CHECK-NOTES: :[[@LINE+29]]:7: note: reached from handler 'POST /order' ('OrderHandler::operator()') registered here with 'httplib::Server::Post'

  // Not reported: written only at start-up, only read by handlers, only
  // the lambda's own copy, or allowed.
  std::vector<std::string> audit;
  std::string greeting = "hello";
  auto limits = std::make_shared<Stats>();
  int counter = 0;
  STATELESS_ALLOW(cache, "rendered pages, rebuilt on a miss")
  std::map<std::string, std::string> pages;

  audit.push_back("started");
  svr.Post("/login", [&](const httplib::Request &req, httplib::Response &res) {
    std::lock_guard<std::mutex> guard(lock);
    sessions[req.body] = "user";
    std::uniform_int_distribution<int> digit(0, 9);
    res.set_content(greeting + std::to_string(digit(rng)), "text/plain");
    pages[req.path] = res.body;
    (void)audit.size();
  });
  svr.Get("/hit", [hits](const httplib::Request &, httplib::Response &) {
    hits->record();
  });
  svr.Get("/limits", [limits](const httplib::Request &, httplib::Response &res) {
    res.set_content(std::to_string(limits->total()), "text/plain");
  });
  svr.Get("/count", [counter](const httplib::Request &, httplib::Response &) mutable {
    ++counter;
  });
  svr.Post("/order", OrderHandler(orders, inventory));
  svr.Get("/report", ReportHandler(hits));
  Tally tally;
  svr.Get("/tally", std::bind(&Tally::handle, &tally, std::placeholders::_1,
                              std::placeholders::_2));
  // The server is not state.
  svr.Get("/stop", [&](const httplib::Request &, httplib::Response &) {
    svr.stop();
  });
  // A handler's own locals, captured by its own lambdas, are request state.
  svr.Get("/sum", [](const httplib::Request &, httplib::Response &res) {
    std::vector<int> seen;
    auto add = [&](int value) { seen.push_back(value); };
    add(1);
    add(2);
    res.set_content(std::to_string(seen.size()), "text/plain");
  });
  svr.listen("0.0.0.0", 8080);
}

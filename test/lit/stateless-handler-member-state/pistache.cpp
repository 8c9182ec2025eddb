// Pistache's rest_server example, reduced (the real Debian <pistache/...>
// headers): an endpoint class whose routes are bound to its methods.
// RUN: %check_stateless %s stateless-handler-member-state %t -- -std=c++17 -fdelayed-template-parsing

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/router.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

using namespace Pistache;

class StatsEndpoint {
public:
  explicit StatsEndpoint(Address addr)
      : httpEndpoint(std::make_shared<Http::Endpoint>(addr)) {}

  void init() {
    httpEndpoint->init(Http::Endpoint::options().threads(2));
    setupRoutes();
  }

  void start() {
    httpEndpoint->setHandler(router.handler());
    httpEndpoint->serve();
  }

private:
  void setupRoutes() {
    using namespace Rest;
    Routes::Post(router, "/record/:name/:value?", Routes::bind(&StatsEndpoint::doRecordMetric, this));
    Routes::Get(router, "/value/:name", Routes::bind(&StatsEndpoint::doGetMetric, this));
  }

  void doRecordMetric(const Rest::Request &request, Http::ResponseWriter response) {
    auto name = request.param(":name").as<std::string>();
    std::lock_guard<std::mutex> guard(metricsLock);
    auto it = std::find(metrics.begin(), metrics.end(), name);
    if (it == metrics.end())
      metrics.push_back(name);
    response.send(Http::Code::Created);
  }

  void doGetMetric(const Rest::Request &request, Http::ResponseWriter response) {
    std::lock_guard<std::mutex> guard(metricsLock);
    auto it = std::find(metrics.begin(), metrics.end(), request.param(":name").as<std::string>());
    response.send(it == metrics.end() ? Http::Code::Not_Found : Http::Code::Ok);
  }

  std::mutex metricsLock;
  std::vector<std::string> metrics;
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: member 'StatsEndpoint::metrics' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-13]]:7: note: 'metrics' is modified here
  // CHECK-NOTES: :[[@LINE-23]]:5: note: reached from handler 'POST /record/:name/:value?' ('StatsEndpoint::doRecordMetric') registered here with 'Pistache::Rest::Routes::Post'
  std::shared_ptr<Http::Endpoint> httpEndpoint;
  Rest::Router router;
};

int main() {
  StatsEndpoint stats(Address(Ipv4::any(), Port(9080)));
  stats.init();
  stats.start();
}

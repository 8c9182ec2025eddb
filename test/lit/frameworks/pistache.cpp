// A Pistache REST service (the real Debian <pistache/...> headers): routes
// bound to member functions with Routes::bind, and an Http::Handler.
// clang 19 and later need -fdelayed-template-parsing for Debian's Pistache.
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 -fdelayed-template-parsing

#include <pistache/endpoint.h>
#include <pistache/http.h>
#include <pistache/router.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

using namespace Pistache;

std::map<std::string, double> metrics;
// CHECK-NOTES: :[[@LINE-1]]:31: warning: global container 'metrics' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+20]]:5: note: 'metrics' is modified here
// CHECK-NOTES: :[[@LINE+10]]:5: note: reached from handler 'POST /record/:name/:value?' ('StatsEndpoint::doRecordMetric') registered here with 'Pistache::Rest::Routes::Post'
long hello_count;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'hello_count' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+40]]:5: note: 'hello_count' is modified here
// CHECK-NOTES: :[[@LINE+38]]:8: note: reached from handler 'HelloHandler::onRequest', a method of a subclass of 'Pistache::Http::Handler'

class StatsEndpoint {
public:
  void setupRoutes() {
    using namespace Rest;
    Routes::Post(router, "/record/:name/:value?",
                 Routes::bind(&StatsEndpoint::doRecordMetric, this));
    Routes::Get(router, "/value/:name",
                Routes::bind(&StatsEndpoint::doGetMetric, this));
    Routes::Delete(router, "/export/:name",
                   Routes::bind(&StatsEndpoint::doExport, this));
  }

  void doRecordMetric(const Rest::Request &request, Http::ResponseWriter response) {
    metrics[request.param(":name").as<std::string>()] += 1;
    response.send(Http::Code::Ok);
  }

  void doGetMetric(const Rest::Request &request, Http::ResponseWriter response) {
    auto it = metrics.find(request.param(":name").as<std::string>());
    response.send(Http::Code::Ok, it == metrics.end() ? "0" : std::to_string(it->second));
  }

  void doExport(const Rest::Request &request, Http::ResponseWriter response) {
    std::filesystem::create_directories("/var/lib/stats/exports");
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::filesystem::create_directories' creates directories on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
    // CHECK-NOTES: :[[@LINE-17]]:5: note: reached from handler 'DELETE /export/:name' ('StatsEndpoint::doExport') registered here with 'Pistache::Rest::Routes::Delete'
    response.send(Http::Code::No_Content);
  }

  Rest::Router router;
};

class HelloHandler : public Http::Handler {
public:
  HTTP_PROTOTYPE(HelloHandler)

  void onRequest(const Http::Request &, Http::ResponseWriter response) override {
    ++hello_count;
    response.send(Http::Code::Ok, "Hello, World\n");
  }
};

int main() {
  std::filesystem::create_directories("/var/lib/stats"); // start-up
  StatsEndpoint stats;
  stats.setupRoutes();
  Http::listenAndServe<HelloHandler>(Address("*:9080"));
}

// Drogon: enableSession keeps every session in this instance; a plugin's
// initAndStart is start-up code, and a job it schedules with runEvery is a
// scheduled job of this instance; CacheMap entries with a timeout arm a
// timer (Drogon's API as its headers declare it, in Inputs/drogon).
// RUN: %check_stateless %s stateless-mutable-global,stateless-static-session-map,stateless-instance-timer %t -- -std=c++17 -isystem %S/Inputs/drogon

#include "drogon.h"

#include <string>

using namespace drogon;

std::string plugin_config;

class Cleanup : public Plugin<Cleanup> {
public:
  void initAndStart(const std::string &config) override {
    plugin_config = config; // start-up
    app().getLoop()->runEvery(60, [] {});
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'trantor::EventLoop::runEvery' schedules a periodic job: a scheduled job of this instance, run by every instance and stopped with it; run it from an external scheduler (a cron job, a queue's scheduled messages) [stateless-instance-timer]
  }
  void shutdown() override {}
};

CacheMap<std::string, std::string> *tokens;
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: global variable 'tokens' is modified after start-up

int main() {
  app().enableSession(1200);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'drogon::HttpAppFramework::enableSession' keeps every session in this instance's memory: a user's next request, served by another instance, finds no session, and a restart loses them all; keep sessions in a shared store (Redis, a database) or in signed tokens [stateless-static-session-map]
  app().registerHandler("/token", [](const HttpRequestPtr &req) {
    tokens->insert(req->path(), "issued", 3600);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'drogon::CacheMap::insert' schedules the entry's expiry in this instance while serving a request
    tokens->insert(req->path(), "kept"); // no timeout: no timer
  });
  app().run();
}

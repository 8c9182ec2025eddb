// A Simple-Web-Server service: handlers assigned into the server's route
// table (Simple-Web-Server's API as its header declares it, in
// Inputs/simple-web-server).
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 -isystem %S/Inputs/simple-web-server

#include "server_http.hpp"

#include <fstream>
#include <map>
#include <memory>
#include <string>

using HttpServer = SimpleWeb::Server<SimpleWeb::HTTP>;

std::map<std::string, std::string> kv;
// CHECK-NOTES: :[[@LINE-1]]:36: warning: global container 'kv' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+22]]:5: note: 'kv' is modified here
// CHECK-NOTES: :[[@LINE+18]]:45: note: reached from a handler lambda assigned here to 'SimpleWeb::ServerBase::resource'
int errors_seen;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'errors_seen' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+31]]:57: note: 'errors_seen' is modified here
// CHECK-NOTES: :[[@LINE+29]]:19: note: reached from a handler lambda assigned here to 'SimpleWeb::ServerBase::on_error'

// kv[key] only reads: a lookup, not a write.
void dump(const std::string &key) {
  std::ofstream("/var/lib/kv/" + key) << kv[key];
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::ofstream' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE+8]]:45: note: reached from a handler lambda assigned here to 'SimpleWeb::ServerBase::resource'
  // CHECK-NOTES: :[[@LINE+11]]:5: note: via call to 'dump'
}

int main() {
  HttpServer server;
  server.config.port = 8080;

  server.resource["^/kv/([a-z]+)$"]["POST"] =
      [](std::shared_ptr<HttpServer::Response> response,
         std::shared_ptr<HttpServer::Request> request) {
    kv[request->path_match[1].str()] = request->content.string();
    dump(request->path_match[1].str());
    response->write("stored");
  };

  server.resource["^/kv/([a-z]+)$"]["GET"] =
      [](std::shared_ptr<HttpServer::Response> response,
         std::shared_ptr<HttpServer::Request> request) {
    auto it = kv.find(request->path_match[1].str());
    response->write(it == kv.end() ? "" : it->second);
  };

  server.on_error = [](std::shared_ptr<HttpServer::Request>,
                       const SimpleWeb::error_code &) { ++errors_seen; };
  server.start();
}

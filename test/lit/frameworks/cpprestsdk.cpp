// A cpprestsdk service (the real Debian <cpprest/...> headers): handlers
// given to http_listener::support as lambdas and bound member functions.
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17

#include <cpprest/http_listener.h>
#include <cpprest/json.h>

#include <fstream>
#include <functional>
#include <map>
#include <string>

using namespace web;
using namespace web::http;
using namespace web::http::experimental::listener;

std::map<utility::string_t, utility::string_t> dictionary;
// CHECK-NOTES: :[[@LINE-1]]:48: warning: global container 'dictionary' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+19]]:5: note: 'dictionary' is modified here
// CHECK-NOTES: :[[@LINE+13]]:14: note: reached from handler 'Dictionary::handle_put' registered here with 'web::http::experimental::listener::http_listener::support'

class Dictionary {
public:
  explicit Dictionary(const utility::string_t &url) : listener(url) {
    listener.support(methods::GET, [](http_request request) {
      std::ofstream audit("/var/log/dictionary/audit.log", std::ios::app);
      // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'std::ofstream' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
      // CHECK-NOTES: :[[@LINE-3]]:14: note: reached from a handler lambda registered here with 'web::http::experimental::listener::http_listener::support'
      audit << request.relative_uri().to_string() << '\n';
      // operator[] of a map that only reads is a lookup, not a write.
      request.reply(status_codes::OK, json::value::string(dictionary["key"]));
    });
    listener.support(methods::PUT, std::bind(&Dictionary::handle_put, this,
                                             std::placeholders::_1));
  }

  void handle_put(http_request request) {
    dictionary[request.relative_uri().path()] = U("value");
    request.reply(status_codes::OK);
  }

  http_listener listener;
};

int main() {
  Dictionary server(U("http://localhost:34568/dictionary"));
  server.listener.open().wait();
}

// Every kind of handler root, observed through a file deletion it reaches:
// registrations (functions, member functions, functors, std::bind,
// std::function, local variables), STATELESS_HANDLER, handler base classes,
// and the three options.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include
// RUN: %check_stateless --check-suffixes=OPTIONS --check-option='HandlerFunctions=jobs::on_.*' \
// RUN:   --check-option='HandlerRegistrars=bus::subscribe' --check-option='HandlerBaseClasses=rpc::Servicer' \
// RUN:   %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <functional>
#include <stateless/annotations.h>
#include <string>
#include <unistd.h>

namespace httplib {
struct Request {};
struct Response {};
struct Server {
  using Handler = std::function<void(const Request &, Response &)>;
  Server &Get(const std::string &pattern, Handler handler);
  Server &Post(const std::string &pattern, Handler handler);
};
} // namespace httplib

namespace bus {
void subscribe(const char *topic, std::function<void(const std::string &)> cb);
}
namespace rpc {
struct Servicer {
  virtual void Call(const std::string &) = 0;
  virtual ~Servicer() = default;
};
} // namespace rpc

void by_function(const httplib::Request &, httplib::Response &) {
  unlink("/tmp/a");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'unlink' deletes a file on this instance's disk while serving a request
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-2]]:3: warning: 'unlink' deletes a file on this instance's disk while serving a request
}

struct Api {
  void by_method(const httplib::Request &, httplib::Response &) {
    unlink("/tmp/b");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'unlink' deletes a file
    // CHECK-MESSAGES-OPTIONS: :[[@LINE-2]]:5: warning: 'unlink' deletes a file
  }
};

struct Functor {
  void operator()(const httplib::Request &, httplib::Response &) const {
    unlink("/tmp/c");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'unlink' deletes a file
    // CHECK-MESSAGES-OPTIONS: :[[@LINE-2]]:5: warning: 'unlink' deletes a file
  }
};

STATELESS_HANDLER void on_queue_message(const std::string &) {
  unlink("/tmp/d");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'unlink' deletes a file
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-2]]:3: warning: 'unlink' deletes a file
}

struct STATELESS_HANDLER Consumer {
  void consume() {
    unlink("/tmp/e");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'unlink' deletes a file
    // CHECK-MESSAGES-OPTIONS: :[[@LINE-2]]:5: warning: 'unlink' deletes a file
  }
};

// Known only through the options.
namespace jobs {
void on_tick() {
  unlink("/tmp/f");
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-1]]:3: warning: 'unlink' deletes a file
}
} // namespace jobs
void on_event(const std::string &) {
  unlink("/tmp/g");
  // CHECK-MESSAGES-OPTIONS: :[[@LINE-1]]:3: warning: 'unlink' deletes a file
}
struct Greeter : rpc::Servicer {
  void Call(const std::string &) override {
    unlink("/tmp/h");
    // CHECK-MESSAGES-OPTIONS: :[[@LINE-1]]:5: warning: 'unlink' deletes a file
  }
  void helper() { unlink("/tmp/not-an-override"); }
};

// Not reached from any handler.
void maintenance() { unlink("/tmp/i"); }

int main() {
  httplib::Server server;
  Api api;
  server.Get("/a", by_function);
  server.Get("/b", std::bind(&Api::by_method, &api, std::placeholders::_1,
                             std::placeholders::_2));
  server.Get("/c", Functor());
  httplib::Server::Handler stored = [](const httplib::Request &, httplib::Response &) {
    unlink("/tmp/j");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'unlink' deletes a file
    // CHECK-MESSAGES-OPTIONS: :[[@LINE-2]]:5: warning: 'unlink' deletes a file
  };
  server.Post("/j", stored);
  bus::subscribe("events", on_event);
  maintenance();
}

// Reachability: paths through calls, constructors, lambdas and functions
// passed on; recursion; code that only start-up reaches; Scope 'all'.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%S/Inputs
// RUN: %check_stateless --check-suffixes=ALL --check-option=Scope=all %s stateless-local-fs-write %t -- -std=c++17 -I%S/Inputs
// RUN: %check_stateless --check-suffixes=HEADER --header-filter='storage' %s stateless-local-fs-write %t -- -std=c++17 -I%S/Inputs

#include "storage.h"

#include <functional>
#include <string>
#include <thread>
#include <sys/stat.h>
#include <unistd.h>

namespace httplib {
struct Request { std::string body; };
struct Response {};
struct Server {
  using Handler = std::function<void(const Request &, Response &)>;
  Server &Post(const std::string &pattern, Handler handler);
};
} // namespace httplib

// Mutual recursion terminates.
void walk_b(int n);
void walk_a(int n) {
  if (n > 0)
    walk_b(n - 1);
  else
    rmdir("/tmp/walked");
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'rmdir' deletes a directory on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE+40]]:10: note: reached from handler 'POST /save' (a lambda) registered here with 'httplib::Server::Post'
  // CHECK-NOTES: :[[@LINE+40]]:5: note: via call to 'walk_a'
  // CHECK-MESSAGES-ALL: :[[@LINE-4]]:5: warning: 'rmdir' deletes a directory on this instance's disk while serving a request
  // CHECK-MESSAGES-HEADER: :[[@LINE-5]]:5: warning: 'rmdir' deletes a directory
}
void walk_b(int n) { walk_a(n); }

// A constructor and a function passed on.
struct Spool {
  explicit Spool(const std::string &name) { unlink(name.c_str()); }
  // CHECK-NOTES: :[[@LINE-1]]:45: warning: 'unlink' deletes a file on this instance's disk while serving a request
  // CHECK-NOTES: :[[@LINE+29]]:10: note: reached from handler 'POST /save' (a lambda) registered here with 'httplib::Server::Post'
  // CHECK-NOTES: :[[@LINE+30]]:11: note: via the constructor of 'Spool' called here
  // CHECK-MESSAGES-ALL: :[[@LINE-4]]:45: warning: 'unlink' deletes a file on this instance's disk while serving a request
  // CHECK-MESSAGES-HEADER: :[[@LINE-5]]:45: warning: 'unlink' deletes a file
};
void cleanup(const std::string &) { unlink("/tmp/cleanup"); }
// CHECK-NOTES: :[[@LINE-1]]:37: warning: 'unlink' deletes a file on this instance's disk while serving a request
// CHECK-NOTES: :[[@LINE+22]]:10: note: reached from handler 'POST /save' (a lambda) registered here with 'httplib::Server::Post'
// CHECK-NOTES: :[[@LINE+24]]:29: note: via 'cleanup' passed on here
// CHECK-MESSAGES-ALL: :[[@LINE-4]]:37: warning: 'unlink' deletes a file on this instance's disk while serving a request
// CHECK-MESSAGES-HEADER: :[[@LINE-5]]:37: warning: 'unlink' deletes a file

void for_each_line(const std::string &text, void (*fn)(const std::string &)) { fn(text); }

// Code that only start-up reaches: not request code.
void prepare_directories() { mkdir("/var/lib/app", 0755); }

// Reached from no handler and from no start-up code: only Scope 'all'.
void maintenance() { unlink("/tmp/maintenance"); }
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:22: warning: 'unlink' deletes a file on this instance's disk; keep files in object storage or a database [stateless-local-fs-write]

// A thread main() starts runs after start-up: only Scope 'all'.
void compactor() { unlink("/tmp/compacted"); }
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:20: warning: 'unlink' deletes a file on this instance's disk; keep files in object storage or a database [stateless-local-fs-write]

int main() {
  prepare_directories();
  std::thread(compactor).detach();
  httplib::Server server;
  server.Post("/save", [](const httplib::Request &req, httplib::Response &) {
    walk_a(3);
    Spool spool("/tmp/spool");
    for_each_line(req.body, cleanup);
    auto flush = [&] { persist("/tmp/out", req.body); };
    flush();
  });
}
// The header helper's write is reported in the header, whatever the header
// filter: clang-tidy shows a header's diagnostic when its notes lead into the
// main file.
// CHECK-NOTES-DAG: storage.h:8:18: warning: 'fopen' opens a file for writing on this instance's disk while serving a request
// CHECK-NOTES: :[[@LINE-12]]:10: note: reached from handler 'POST /save' (a lambda) registered here with 'httplib::Server::Post'
// CHECK-NOTES: :[[@LINE-9]]:18: note: via the lambda created here
// CHECK-NOTES: :[[@LINE-10]]:24: note: via call to 'persist'
// CHECK-MESSAGES-ALL-DAG: storage.h:8:18: warning: 'fopen' opens a file for writing on this instance's disk while serving a request
// CHECK-MESSAGES-HEADER-DAG: storage.h:8:18: warning: 'fopen' opens a file for writing on this instance's disk while serving a request

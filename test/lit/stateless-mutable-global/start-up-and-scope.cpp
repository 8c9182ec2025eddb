// Start-up code is main(), static initialisers and what only they reach; a
// handler's write is shown with its path; Scope 'handlers' keeps only
// variables that a handler writes.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -pthread
// RUN: %check_stateless --check-suffixes=HANDLERS --check-option=Scope=handlers %s stateless-mutable-global %t -- -std=c++17 -pthread

#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
struct Request { std::string body; };
struct Response {};
struct Server {
  using Handler = std::function<void(const Request &, Response &)>;
  Server &Post(const std::string &pattern, Handler handler);
};
} // namespace httplib

// Configuration: written only by what main() calls.
std::string database_url;
int worker_count;
void load_config(int argc) {
  database_url = "postgres://db";
  worker_count = argc;
}

// Written by a thread main() starts: after start-up, but not by a handler.
long compactions;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'compactions' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+2]]:3: note: 'compactions' is modified here
void compact() {
  ++compactions;
}

// Written by a handler, through a helper: the note shows the path.
std::vector<std::string> audit_trail;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: global variable 'audit_trail' is modified after start-up
// CHECK-NOTES: :[[@LINE+5]]:3: note: 'audit_trail' is modified here
// CHECK-NOTES: :[[@LINE+20]]:10: note: reached from handler 'POST /audit' (a lambda) registered here with 'httplib::Server::Post'
// CHECK-NOTES: :[[@LINE+20]]:5: note: via call to 'record'
// CHECK-MESSAGES-HANDLERS: :[[@LINE-5]]:26: warning: global variable 'audit_trail' is modified after start-up
void record(const std::string &entry) {
  audit_trail.push_back(entry);
}

// Written both at start-up and by a handler: the handler's write is shown.
int generation;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'generation' is modified after start-up
// CHECK-NOTES: :[[@LINE+12]]:5: note: 'generation' is modified here
// CHECK-NOTES: :[[@LINE+9]]:10: note: reached from handler 'POST /audit' (a lambda) registered here with 'httplib::Server::Post'
// CHECK-MESSAGES-HANDLERS: :[[@LINE-4]]:5: warning: global variable 'generation' is modified after start-up
void bump_generation() { ++generation; }

int main(int argc, char **) {
  load_config(argc);
  bump_generation();
  std::thread(compact).detach();
  httplib::Server server;
  server.Post("/audit", [](const httplib::Request &req, httplib::Response &) {
    record(req.body);
    ++generation;
  });
}

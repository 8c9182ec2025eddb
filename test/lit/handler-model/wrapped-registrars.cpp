// Tables of one callable: a project's wrapper around the framework's
// registrar hands its parameter on to it, so what its callers pass serves
// requests, registered where they pass it; a member or parameter holding a
// callable (set by a setter, a constructor or a caller) runs what was
// stored there wherever it is called. What only start-up code calls stays
// start-up code. httplib is the real Debian header.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%stateless_include

#include <functional>
#include <httplib.h>
#include <string>
#include <utility>
#include <vector>

class Router {
public:
  using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
  void post(const char *path, Handler handler) { server_.Post(path, std::move(handler)); }
  void get(const char *path, const Handler &handler) { server_.Get(path, handler); }
  void run(int port) { server_.listen("0.0.0.0", port); }

private:
  httplib::Server server_;
};

// A pointer to a function, set by a setter.
class Chat {
public:
  using Sink = void (*)(const std::string &);
  void set_sink(Sink sink) { sink_ = sink; }
  void on_message(const std::string &text) {
    if (sink_)
      sink_(text);
  }

private:
  Sink sink_ = nullptr;
};

// A std::function kept by the constructor.
class Audit {
public:
  explicit Audit(std::function<void()> record) : record_(std::move(record)) {}
  void note() { record_(); }

private:
  std::function<void()> record_;
};

long logins = 0;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'logins' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+2]]:3: note: 'logins' is modified here
void login(const httplib::Request &, httplib::Response &) {
  ++logins;
}
// CHECK-NOTES: :[[@LINE+35]]:10: note: reached from handler 'login' registered here with 'Router::post'

std::vector<std::string> journal;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: global variable 'journal' is modified after start-up
// CHECK-NOTES: :[[@LINE+1]]:45: note: 'journal' is modified here
void append_journal(const std::string &m) { journal.push_back(m); }
// CHECK-NOTES: :[[@LINE+30]]:10: note: reached from handler 'post_message' registered here with 'Router::post'
// CHECK-NOTES: :[[@LINE+12]]:76: note: via call to 'Chat::on_message'
// CHECK-NOTES: :[[@LINE-31]]:7: note: via a callable stored in 'Chat::sink_', called here

long audited = 0;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'audited' is modified after start-up
// CHECK-NOTES: :[[@LINE+1]]:22: note: 'audited' is modified here
void count_audit() { ++audited; }
// CHECK-NOTES: :[[@LINE+29]]:10: note: reached from handler 'GET /audit' (a lambda) registered here with 'httplib::Server::Get'
// CHECK-NOTES: :[[@LINE+28]]:83: note: via call to 'Audit::note'
// CHECK-NOTES: :[[@LINE-28]]:17: note: via a callable stored in 'Audit::record_', called here

Chat chat;
void post_message(const httplib::Request &req, httplib::Response &) { chat.on_message(req.body); }

// Passed to a function that calls it at start-up: start-up code.
long warmed = 0;
void warm_up() { ++warmed; }
void at_start(void (*step)()) { step(); }

// Stored, and never called by request code.
long closed = 0;
void on_close() { ++closed; }
std::function<void()> close_hook;

void ping(const httplib::Request &, httplib::Response &) {}

int main() {
  Router router;
  router.post("/login", login);
  router.post("/message", post_message);
  router.get("/ping", ping);
  chat.set_sink(append_journal);
  at_start(warm_up);
  close_hook = on_close;
  Audit audit(count_audit);
  httplib::Server direct;
  direct.Get("/audit", [&](const httplib::Request &, httplib::Response &) { audit.note(); });
  router.run(8080);
  close_hook();
}

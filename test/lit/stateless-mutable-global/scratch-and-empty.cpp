// Not state: objects of classes without data members (stateless handlers,
// tags), addresses taken in a static's initialiser (it runs once), and a
// `static thread_local` buffer each call overwrites before using it, or
// gives content of its own (`str(s)`, `assign`, a JSON parser's Parse).
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%stateless_include -isystem %S/Inputs

#include <rapidjson-reader.h>
#include <sstream>
#include <stateless/annotations.h>
#include <string>
#include <vector>

struct Handler {
  virtual ~Handler() = default;
  virtual void handle(std::string &) {}
};
struct Upper : Handler {
  void handle(std::string &s) override { s += "!"; }
};
struct Counting : Handler {
  void handle(std::string &) override { ++seen; }
  int seen = 0;
};

static Handler default_handler;
static Upper upper;
static Handler *current = &default_handler;
// CHECK-NOTES: :[[@LINE-1]]:17: warning: global variable 'current' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+10]]:3: note: 'current' is modified here
// CHECK-NOTES: :[[@LINE+8]]:24: note: reached from handler 'use_upper', marked STATELESS_HANDLER
static Counting counting;
// CHECK-NOTES: :[[@LINE-1]]:17: warning: global variable 'counting' is modified after start-up
// CHECK-NOTES: :[[@LINE+12]]:3: note: 'counting' is modified here
// CHECK-NOTES: :[[@LINE+7]]:24: note: reached from handler 'serve', marked STATELESS_HANDLER

Handler &fallback() { static Handler *chosen = &upper; return *chosen; }

STATELESS_HANDLER void use_upper() {
  current = &upper;
}
STATELESS_HANDLER void serve(std::string &body) {
  default_handler.handle(body);
  upper.handle(body);
  fallback().handle(body);
  counting.handle(body);
}

// Overwritten before any use, on every call: scratch space.
STATELESS_HANDLER const std::string &render(int status) {
  static thread_local std::string response;
  response = "";
  response += std::to_string(status);
  return response;
}
STATELESS_HANDLER const std::vector<int> &collect(int n) {
  static thread_local std::vector<int> ids;
  ids.clear();
  for (int i = 0; i < n; ++i)
    ids.push_back(i);
  return ids;
}

STATELESS_HANDLER std::string format(int status) {
  static thread_local std::ostringstream out;
  out.str("");
  out << status;
  return out.str();
}
struct PostHandler {
  void Key(const char *) {}
};
STATELESS_HANDLER void parse_post(const char *body) {
  static thread_local rapidjson::Reader reader;
  rapidjson::StringStream in(body);
  PostHandler handler;
  reader.Parse(in, handler);
}
STATELESS_HANDLER bool parse_checked(const char *body) {
  static thread_local rapidjson::Reader reader;
  rapidjson::StringStream in(body);
  PostHandler handler;
  if (!reader.Parse(in, handler).IsError())
    return true;
  return false;
}

// Read before it is overwritten, or overwritten from itself: it carries
// something from one call to the next.
STATELESS_HANDLER const std::string &append(const std::string &line) {
  static thread_local std::string log;
  // CHECK-NOTES: :[[@LINE-1]]:35: warning: thread-local variable 'log' is modified after start-up
  log = log + line;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'log' is modified here
  // CHECK-NOTES: :[[@LINE-5]]:38: note: reached from handler 'append', marked STATELESS_HANDLER
  return log;
}
STATELESS_HANDLER int calls() {
  static thread_local int count;
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: thread-local variable 'count' is modified after start-up
  if (count > 100)
    return 0;
  count = 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'count' is modified here
  // CHECK-NOTES: :[[@LINE-7]]:23: note: reached from handler 'calls', marked STATELESS_HANDLER
  return count;
}

// Handing out mutable access to a variable with static storage (an accessor
// returning a reference or pointer to it, a "singleton") is not a write by
// itself: what the callers do through what it returns is.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%stateless_include

#include <stateless/annotations.h>
#include <string>
#include <vector>

struct Registry {
  std::vector<std::string> names;
};

Registry &registry() {
  static Registry instance;
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: static local variable 'instance' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
  return instance;
}
// An accessor of an accessor hands out the same access.
Registry &names() { return registry(); }

STATELESS_HANDLER void enrol(const std::string &name) {
  names().names.push_back(name);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'instance' is modified here
  // CHECK-NOTES: :[[@LINE-3]]:24: note: reached from handler 'enrol', marked STATELESS_HANDLER
}
STATELESS_HANDLER size_t count() { return registry().names.size(); }

// An accessor returning a pointer: pointee-writes.cpp.

// An accessor whose callers only read, or that only start-up code uses, is
// configuration handed out, not state.
std::string &banner() {
  static std::string text = "shop";
  return text;
}
STATELESS_HANDLER std::string greet() { return banner() + "!"; }
int main() { banner() = "shop v2"; }

// Read-only access handed out is not a write.
const Registry &read_registry() {
  static Registry shared;
  return shared;
}
const int *limit_pointer() {
  static int limit = 5;
  return &limit;
}
std::string name_copy() {
  static std::string name = "svc";
  return name;
}

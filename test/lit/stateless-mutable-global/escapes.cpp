// Handing out mutable access to a variable with static storage is a write:
// whoever holds the reference or pointer can change it.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17

#include <string>
#include <vector>

struct Registry {
  std::vector<std::string> names;
};

Registry &registry() {
  static Registry instance;
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: static local variable 'instance' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
  return instance;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'instance' is modified here
}

int hits;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'hits' is modified after start-up
int *hits_pointer() { return &hits; }
// CHECK-NOTES: :[[@LINE-1]]:30: note: 'hits' is modified here

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

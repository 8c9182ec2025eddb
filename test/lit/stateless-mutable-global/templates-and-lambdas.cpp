// One diagnostic per declaration, never one per instantiation.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%stateless_include

#include <stateless/annotations.h>
#include <string>

template <typename T> int next_id() {
  static int last;
  // CHECK-NOTES: :[[@LINE-1]]:14: warning: static local variable 'last' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
  return ++last;
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'last' is modified here
  // CHECK-NOTES: :[[@LINE+34]]:24: note: reached from handler 'serve', marked STATELESS_HANDLER
  // CHECK-NOTES: :[[@LINE+34]]:3: note: via call to 'next_id'
}

template <typename T> struct Registry {
  static int size;
  void add() { ++size; }
};
template <typename T> int Registry<T>::size = 0;
// CHECK-NOTES: :[[@LINE-1]]:40: warning: static member 'Registry::size' is modified after start-up
// CHECK-NOTES: :[[@LINE-4]]:16: note: 'Registry::size' is modified here
// CHECK-NOTES: :[[@LINE+23]]:24: note: reached from handler 'serve'
// CHECK-NOTES: :[[@LINE+25]]:19: note: via call to 'Registry::add'

auto count_calls = [](auto value) {
  static long calls;
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: static local variable 'calls' is modified after start-up
  calls += sizeof(value);
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'calls' is modified here
  // CHECK-NOTES: :[[@LINE+15]]:24: note: reached from handler 'serve'
  // CHECK-NOTES: :[[@LINE+19]]:3: note: via call to a lambda
  return calls;
};

auto handler = [](const std::string &path) {
  static std::string last_path;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: static local variable 'last_path' is modified after start-up
  last_path = path;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'last_path' is modified here
  // CHECK-NOTES: :[[@LINE+5]]:24: note: reached from handler 'serve'
  // CHECK-NOTES: :[[@LINE+11]]:3: note: via call to a lambda
};

// Calls the code above while serving requests.
STATELESS_HANDLER void serve() {
  next_id<int>();
  next_id<double>();
  Registry<int>().add();
  Registry<char>().add();
  count_calls(1);
  count_calls(std::string("x"));
  handler("/a");
}

// Never instantiated: nothing in this unit ever runs it.
template <typename T> void unused_template() {
  static T cache;
  cache.insert(T());
}

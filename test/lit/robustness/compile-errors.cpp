// Code with compile errors, as clang-tidy sees it in a half-written tree:
// the checks still report what is valid and never an invalid declaration.
// RUN: %check_stateless --expect-errors %s stateless-mutable-global,stateless-static-session-map,stateless-local-fs-write,stateless-instance-timer,stateless-handler-member-state %t -- -std=c++17 -I%stateless_include

#include <fstream>
#include <map>
#include <stateless/annotations.h>
#include <string>
#include <thread>
#include <vector>

int hits;
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: global variable 'hits' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
std::map<std::string, int> sessions;
// CHECK-MESSAGES: :[[@LINE-1]]:28: warning: global container 'sessions' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]

// Globals whose type does not exist are invalid: never reported.
UnknownCache cache;
// CHECK-MESSAGES: :[[@LINE-1]]:1: error: unknown type name 'UnknownCache' [clang-diagnostic-error]
std::vector<Undeclared> pending;
// CHECK-MESSAGES: :[[@LINE-1]]:13: error: use of undeclared identifier 'Undeclared' [clang-diagnostic-error]
std::map<std::string, Missing> carts;
// CHECK-MESSAGES: :[[@LINE-1]]:23: error: use of undeclared identifier 'Missing' [clang-diagnostic-error]
// Nor is a variable of a class that does not compile.
struct Broken { Unknown u; int n; } damaged;
// CHECK-MESSAGES: :[[@LINE-1]]:17: error: unknown type name 'Unknown' [clang-diagnostic-error]
// A valid declaration with an initialiser that does not compile is reported.
int requests = undeclared_value;
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: global variable 'requests' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-MESSAGES: :[[@LINE-2]]:16: error: use of undeclared identifier 'undeclared_value' [clang-diagnostic-error]

STATELESS_HANDLER void handle(const std::string &id) {
  ++hits;
  sessions[id] = 1;
  cache.insert(id);
  pending.push_back(1);
  carts[id] = 2;
  ++damaged.n;
  ++requests;
  undeclared_function(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: use of undeclared identifier 'undeclared_function' [clang-diagnostic-error]
  std::ofstream out("upload.bin");
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ofstream' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
}

// A handler whose body does not parse to the end still reports what it reaches.
STATELESS_HANDLER void broken(int n) {
  std::thread([] {}).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'std::thread::detach' detaches a background thread in this instance while serving a request{{.*}} [stateless-instance-timer]
  hits = ;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: error: expected expression [clang-diagnostic-error]
}

// An invalid member of a handler object is not reported; a valid one is.
class Chat {
public:
  STATELESS_HANDLER void post(const std::string &m) {
    history_.push_back(m);
    unknown_.push_back(m);
  }

private:
  std::vector<std::string> history_;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: member 'Chat::history_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  Unknown unknown_;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: error: unknown type name 'Unknown' [clang-diagnostic-error]
};

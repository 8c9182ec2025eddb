// ReportAllHandlers: besides the handler path a finding shows, one note at
// each further handler that writes the state (or reaches the call), naming
// the calls of its shortest path, for stateless-report (docs/report.md).
// Without the option there are no such notes (every other test).
// RUN: %check_stateless --check-option=stateless-mutable-global.ReportAllHandlers=true --check-option=stateless-static-session-map.ReportAllHandlers=true --check-option=stateless-handler-member-state.ReportAllHandlers=true --check-option=stateless-local-fs-write.ReportAllHandlers=true %s stateless-mutable-global,stateless-static-session-map,stateless-handler-member-state,stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <cstdio>
#include <map>
#include <stateless/annotations.h>
#include <string>

int hits;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'hits' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+11]]:16: note: 'hits' is modified here
// CHECK-NOTES: :[[@LINE+18]]:24: note: reached from handler 'login', marked STATELESS_HANDLER
// CHECK-NOTES: :[[@LINE+19]]:3: note: via call to 'count'
// CHECK-NOTES: :[[@LINE+21]]:24: note: also reached from handler 'ping', marked STATELESS_HANDLER, via 'count'
std::map<std::string, int> sessions;
// CHECK-NOTES: :[[@LINE-1]]:28: warning: global container 'sessions' is modified after start-up
// CHECK-NOTES: :[[@LINE+6]]:41: note: 'sessions' is modified here
// CHECK-NOTES: :[[@LINE+12]]:24: note: reached from handler 'login', marked STATELESS_HANDLER
// CHECK-NOTES: :[[@LINE+12]]:3: note: via call to 'remember'
// CHECK-NOTES: :[[@LINE+14]]:24: note: also reached from handler 'logout', marked STATELESS_HANDLER

void count() { ++hits; }
void remember(const std::string &who) { sessions[who] = 1; }
void save() { std::fopen("/tmp/saved", "w"); }
// CHECK-NOTES: :[[@LINE-1]]:15: warning: 'fopen' opens a file for writing on this instance's disk while serving a request
// CHECK-NOTES: :[[@LINE+12]]:24: note: reached from handler 'upload', marked STATELESS_HANDLER
// CHECK-NOTES: :[[@LINE+11]]:35: note: via call to 'save'
// CHECK-NOTES: :[[@LINE+11]]:24: note: also reached from handler 'import', marked STATELESS_HANDLER, via 'save'

STATELESS_HANDLER void login(const std::string &who) {
  remember(who);
  count();
}
STATELESS_HANDLER void logout(const std::string &who) { sessions.erase(who); }
STATELESS_HANDLER void ping() { count(); }
// Writes nothing: named in no note.
STATELESS_HANDLER void status() {}
STATELESS_HANDLER void upload() { save(); }
STATELESS_HANDLER void import() { save(); }

class Cart {
public:
  STATELESS_HANDLER void add(int sku) { items_[sku] += 1; }
  STATELESS_HANDLER void clear() { reset(); }

private:
  void reset() { items_.clear(); }
  std::map<int, int> items_;
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: member 'Cart::items_' of a long-lived handler object is modified while serving requests
  // CHECK-NOTES: :[[@LINE-7]]:41: note: 'items_' is modified here
  // CHECK-NOTES: :[[@LINE-8]]:26: note: reached from handler 'Cart::add', marked STATELESS_HANDLER
  // CHECK-NOTES: :[[@LINE-8]]:26: note: also reached from handler 'Cart::clear', marked STATELESS_HANDLER, via 'Cart::reset'
};

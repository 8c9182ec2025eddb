// ReportAllowed: what a valid STATELESS_ALLOW allows is reported all the
// same, with a note at the annotation (for SARIF suppressions, docs/ci.md).
// RUN: %check_stateless --check-option=stateless-mutable-global.ReportAllowed=true --check-option=stateless-static-session-map.ReportAllowed=true --check-option=stateless-handler-member-state.ReportAllowed=true --check-option=stateless-local-fs-write.ReportAllowed=true %s stateless-mutable-global,stateless-static-session-map,stateless-handler-member-state,stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <cstdio>
#include <map>
#include <stateless/annotations.h>
#include <string>

STATELESS_ALLOW(metrics, "flushed to the metrics system every second")
int latency_sum;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'latency_sum' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+15]]:3: note: 'latency_sum' is modified here
// CHECK-NOTES: :[[@LINE-4]]:1: note: allowed by STATELESS_ALLOW(metrics): flushed to the metrics system every second

STATELESS_ALLOW(cache, "profiles, re-read from the database on a miss")
std::map<std::string, std::string> profiles;
// CHECK-NOTES: :[[@LINE-1]]:36: warning: global container 'profiles' is modified after start-up
// CHECK-NOTES: :[[@LINE+10]]:3: note: 'profiles' is modified here
// CHECK-NOTES: :[[@LINE-4]]:1: note: allowed by STATELESS_ALLOW(cache): profiles, re-read from the database on a miss

// Not annotated: an ordinary finding, with no such note.
int requests;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'requests' is modified after start-up
// CHECK-NOTES: :[[@LINE+5]]:3: note: 'requests' is modified here

void record(const std::string &user, int ms) {
  latency_sum += ms;
  profiles[user] = "seen";
  ++requests;
}

// A malformed annotation allows nothing: the finding stays an open one.
STATELESS_ALLOW(cache, "") int broken;
// CHECK-NOTES: :[[@LINE-1]]:1: warning: STATELESS_ALLOW on 'broken' needs a reason
// CHECK-NOTES: :[[@LINE-2]]:32: warning: global variable 'broken' is modified after start-up
// CHECK-NOTES: :[[@LINE+1]]:18: note: 'broken' is modified here
void breakIt() { broken = 1; }

class Stats {
public:
  STATELESS_HANDLER void sample(int ms) { window_ = ms; }

private:
  STATELESS_ALLOW(metrics, "the last sample, for the dashboard only")
  int window_ = 0;
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: member 'Stats::window_' of a long-lived handler object is modified while serving requests
  // CHECK-NOTES: :[[@LINE-6]]:43: note: 'window_' is modified here
  // CHECK-NOTES: :[[@LINE-7]]:26: note: reached from handler 'Stats::sample', marked STATELESS_HANDLER
  // CHECK-NOTES: :[[@LINE-5]]:3: note: allowed by STATELESS_ALLOW(metrics): the last sample, for the dashboard only
};

STATELESS_ALLOW(other, "a scratch file, removed before the response")
STATELESS_HANDLER void render() {
  std::fopen("/tmp/render.html", "w");
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'fopen' opens a file for writing on this instance's disk while serving a request
  // CHECK-NOTES: :[[@LINE-3]]:24: note: reached from handler 'render', marked STATELESS_HANDLER
  // CHECK-NOTES: :[[@LINE-5]]:1: note: allowed by STATELESS_ALLOW(other): a scratch file, removed before the response
}

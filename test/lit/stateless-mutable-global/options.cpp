// AllowedNames and AllowedTypes exempt project-wide kinds of state.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17
// RUN: %check_stateless --check-suffixes=NAMES --check-option='AllowedNames=g_metric_.*;ns::pool' %s stateless-mutable-global %t -- -std=c++17
// RUN: %check_stateless --check-suffixes=TYPES --check-option='AllowedTypes=Counter;std::vector<double>;ConnectionPool' %s stateless-mutable-global %t -- -std=c++17

#include <vector>

struct Counter { void add() { ++n; } int n = 0; };
struct ConnectionPool { void release() { ++idle; } int idle = 0; };
using MetricsBuffer = std::vector<double>;

int g_metric_requests;
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: global variable 'g_metric_requests' is modified after start-up
// CHECK-MESSAGES-TYPES: :[[@LINE-2]]:5: warning: global variable 'g_metric_requests' is modified after start-up
Counter errors;
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: global variable 'errors' is modified after start-up
// CHECK-MESSAGES-NAMES: :[[@LINE-2]]:9: warning: global variable 'errors' is modified after start-up
MetricsBuffer samples;
// CHECK-MESSAGES: :[[@LINE-1]]:15: warning: global variable 'samples' is modified after start-up
// CHECK-MESSAGES-NAMES: :[[@LINE-2]]:15: warning: global variable 'samples' is modified after start-up
namespace ns {
ConnectionPool pool;
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: global variable 'ns::pool' is modified after start-up
}
// A regular expression must match the whole name: 'pool' alone does not
// match 'spool', 'g_metric_.*' does not match 'not_g_metric_x'.
ConnectionPool spool;
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: global variable 'spool' is modified after start-up
// CHECK-MESSAGES-NAMES: :[[@LINE-2]]:16: warning: global variable 'spool' is modified after start-up
int not_g_metric_x;
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: global variable 'not_g_metric_x' is modified after start-up
// CHECK-MESSAGES-NAMES: :[[@LINE-2]]:5: warning: global variable 'not_g_metric_x' is modified after start-up
// CHECK-MESSAGES-TYPES: :[[@LINE-3]]:5: warning: global variable 'not_g_metric_x' is modified after start-up

void handle() {
  g_metric_requests++;
  errors.add();
  samples.push_back(1.5);
  ns::pool.release();
  spool.release();
  not_g_metric_x = 1;
}

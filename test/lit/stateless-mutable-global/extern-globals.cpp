// A global this file only declares (defined in another translation unit) is
// reported where this file modifies it, with a note at the declaration.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%S/Inputs

#include "service_globals.h"

extern int local_extern_hits;

void handle() {
  g_requests_served++;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: global variable 'g_requests_served' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
  // CHECK-NOTES: service_globals.h:4:12: note: 'g_requests_served' is declared here
  Limits::inflight += 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: static member 'Limits::inflight' is modified after start-up
  // CHECK-NOTES: service_globals.h:7:14: note: 'Limits::inflight' is declared here
  local_extern_hits = 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: global variable 'local_extern_hits' is modified after start-up
  // CHECK-NOTES: :[[@LINE-11]]:12: note: 'local_extern_hits' is declared here
  int limit = Limits::max_inflight + g_requests_served; // reads
  (void)limit;
}

int main() {
  Limits::max_inflight = 64; // start-up configuration
}

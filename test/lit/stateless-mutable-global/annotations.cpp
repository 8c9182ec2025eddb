// STATELESS_ALLOW marks legitimate state; a malformed one is reported,
// whether or not the variable is modified.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%stateless_include

#include <stateless/annotations.h>
#include <vector>

STATELESS_ALLOW(metrics, "latency samples, flushed to the metrics pipeline every second")
std::vector<double> latency_samples;

STATELESS_ALLOW(pool, "connections are re-established on demand")
int open_connections;

void record(double ms) {
  latency_samples.push_back(ms);
  ++open_connections;
  STATELESS_ALLOW(cache, "warm-up flag; recomputed after a restart") static bool warmed_up;
  warmed_up = true;
}

STATELESS_ALLOW(cahce, "typo in the kind") int typo_kind;
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: STATELESS_ALLOW on 'typo_kind' has unknown kind 'cahce'; use one of cache, pool, metrics, dedup, ratelimit, config, sync, other [stateless-mutable-global]

STATELESS_ALLOW(cache, "") int empty_reason;
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: STATELESS_ALLOW on 'empty_reason' needs a reason: say why losing this state is safe [stateless-mutable-global]

STATELESS_ALLOW(cache, "   ") int blank_reason;
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: STATELESS_ALLOW on 'blank_reason' needs a reason

STATELESS_ALLOW(cache) int missing_reason;
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: STATELESS_ALLOW on 'missing_reason' needs a reason

// A malformed annotation allows nothing: the write is reported too.
STATELESS_ALLOW(dedup, "") int seen_requests;
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: STATELESS_ALLOW on 'seen_requests' needs a reason
// CHECK-MESSAGES: :[[@LINE-2]]:32: warning: global variable 'seen_requests' is modified after start-up
void see() { seen_requests++; }

// Annotations on the declaration or on the definition both count.
struct Pool {
  STATELESS_ALLOW(pool, "sockets are reopened on demand") static int idle;
  static int busy;
};
int Pool::idle = 0;
STATELESS_ALLOW(pool, "sockets are reopened on demand") int Pool::busy = 0;
void borrow() { Pool::idle--; Pool::busy++; }

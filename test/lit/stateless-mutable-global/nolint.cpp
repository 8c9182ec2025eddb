// NOLINT works on the line a finding is reported at, as in every check.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17

int silenced; // NOLINT(stateless-mutable-global)
// NOLINTNEXTLINE(stateless-mutable-global)
int silenced_next;
int silenced_all; // NOLINT
int other_check_silenced; // NOLINT(stateless-static-session-map)
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: global variable 'other_check_silenced' is modified after start-up
extern int silenced_at_write;

void handle() {
  silenced++;
  silenced_next++;
  silenced_all++;
  other_check_silenced++;
  silenced_at_write++; // NOLINT(stateless-mutable-global)
}

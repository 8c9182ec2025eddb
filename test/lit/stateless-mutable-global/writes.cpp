// Every way of modifying a variable with static storage counts as a write.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17

#include <atomic>
#include <memory>
#include <string>
#include <vector>

int assigned;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'assigned' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
void assign(int v) { assigned = v; }
// CHECK-NOTES: :[[@LINE-1]]:22: note: 'assigned' is modified here

long total;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'total' is modified after start-up
void add(long v) { total += v; }
// CHECK-NOTES: :[[@LINE-1]]:20: note: 'total' is modified here

unsigned counter;
// CHECK-NOTES: :[[@LINE-1]]:10: warning: global variable 'counter' is modified after start-up
void count() { --counter; }
// CHECK-NOTES: :[[@LINE-1]]:16: note: 'counter' is modified here

std::vector<std::string> recent;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: global variable 'recent' is modified after start-up
void remember(const std::string &s) { recent.push_back(s); }
// CHECK-NOTES: :[[@LINE-1]]:39: note: 'recent' is modified here

std::string last_path;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: global variable 'last_path' is modified after start-up
void forget() { last_path.clear(); }
// CHECK-NOTES: :[[@LINE-1]]:17: note: 'last_path' is modified here

std::vector<int> slots(8);
// CHECK-NOTES: :[[@LINE-1]]:18: warning: global variable 'slots' is modified after start-up
void fill_slot(int i) { slots[i] = 1; }
// CHECK-NOTES: :[[@LINE-1]]:25: note: 'slots' is modified here

int buffer[64];
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'buffer' is modified after start-up
void scribble(int i) { buffer[i] = i; }
// CHECK-NOTES: :[[@LINE-1]]:24: note: 'buffer' is modified here

struct Stats { int requests; int errors; };
Stats stats;
// CHECK-NOTES: :[[@LINE-1]]:7: warning: global variable 'stats' is modified after start-up
void failed() { stats.errors++; }
// CHECK-NOTES: :[[@LINE-1]]:17: note: 'stats' is modified here

std::atomic<long> served{0};
// CHECK-NOTES: :[[@LINE-1]]:19: warning: global variable 'served' is modified after start-up
void serve() { served.fetch_add(1, std::memory_order_relaxed); }
// CHECK-NOTES: :[[@LINE-1]]:16: note: 'served' is modified here

const char *greeting = "hello";
// CHECK-NOTES: :[[@LINE-1]]:13: warning: global variable 'greeting' is modified after start-up
void set_greeting(const char *g) { greeting = g; }
// CHECK-NOTES: :[[@LINE-1]]:36: note: 'greeting' is modified here

std::unique_ptr<std::vector<int>> owned = std::make_unique<std::vector<int>>();
// CHECK-NOTES: :[[@LINE-1]]:35: warning: global variable 'owned' is modified after start-up
void own(int v) { owned->push_back(v); }
// CHECK-NOTES: :[[@LINE-1]]:19: note: 'owned' is modified here

std::shared_ptr<std::string> current;
// CHECK-NOTES: :[[@LINE-1]]:30: warning: global variable 'current' is modified after start-up
void replace(std::shared_ptr<std::string> s) { current = std::move(s); }
// CHECK-NOTES: :[[@LINE-1]]:48: note: 'current' is modified here

thread_local std::vector<char> scratch;
// CHECK-NOTES: :[[@LINE-1]]:32: warning: thread-local variable 'scratch' is modified after start-up
void use_scratch() { scratch.resize(4096); }
// CHECK-NOTES: :[[@LINE-1]]:22: note: 'scratch' is modified here

int through_reference;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'through_reference' is modified after start-up
void alias() {
  int &r = through_reference;
  r = 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'through_reference' is modified here
}

void bump(int &v);
void bump_pointer(int *v);
void read_only(const int &v);

int by_reference;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'by_reference' is modified after start-up
void pass_reference() { bump(by_reference); }
// CHECK-NOTES: :[[@LINE-1]]:25: note: 'by_reference' is modified here

int by_pointer;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'by_pointer' is modified after start-up
void pass_pointer() { bump_pointer(&by_pointer); }
// CHECK-NOTES: :[[@LINE-1]]:36: note: 'by_pointer' is modified here

std::vector<int> queue;
// CHECK-NOTES: :[[@LINE-1]]:18: warning: global variable 'queue' is modified after start-up
void reset_first() {
  auto it = queue.begin();
  *it = 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'queue' is modified here
}

std::vector<int> ranking;
// CHECK-NOTES: :[[@LINE-1]]:18: warning: global variable 'ranking' is modified after start-up
void clear_all() {
  for (int &r : ranking)
    r = 0;
}
// CHECK-NOTES: :[[@LINE-2]]:5: note: 'ranking' is modified here

namespace svc {
int requests;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'svc::requests' is modified after start-up
}
void tick() { svc::requests++; }
// CHECK-NOTES: :[[@LINE-1]]:15: note: 'svc::requests' is modified here

// Reads of the same kinds of variables are not writes.
int read_only_count;
std::vector<int> read_only_list{1, 2, 3};
const std::vector<int> constant_list{1, 2};
int peek() {
  read_only(read_only_count);
  int sum = read_only_list[0] + read_only_list.at(1) + int(read_only_list.size());
  for (int v : read_only_list)
    sum += v;
  for (auto it = read_only_list.begin(); it != read_only_list.end(); ++it)
    sum += *it;
  return sum + constant_list.front() + read_only_count;
}

// A method named in its class also by a using-declaration (protobuf's
// generated messages bring in Message::CopyFrom beside their own): the
// call is judged like any other.
struct MessageBase {
  void CopyFrom(const MessageBase &) {}
};
struct Message : MessageBase {
  using MessageBase::CopyFrom;
  void CopyFrom(const Message &) { size = 0; }
  int size = 1;
};
Message last_message;
// CHECK-NOTES: :[[@LINE-1]]:9: warning: global variable 'last_message' is modified after start-up
void remember(const Message &m) { last_message.CopyFrom(m); }
// CHECK-NOTES: :[[@LINE-1]]:35: note: 'last_message' is modified here

// A cast to a non-const reference is another name for the object: only a
// write through it counts (protobuf's accessors return their default
// instance so, as a const reference).
struct Reply {
  int code = 0;
};
Reply default_reply;
const Reply &reply_or_default(const Reply *r) {
  return r ? *r : reinterpret_cast<Reply &>(default_reply);
}
Reply fallback_reply;
// CHECK-NOTES: :[[@LINE-1]]:7: warning: global variable 'fallback_reply' is modified after start-up
void reset_fallback() { reinterpret_cast<Reply &>(fallback_reply).code = 0; }
// CHECK-NOTES: :[[@LINE-1]]:25: note: 'fallback_reply' is modified here

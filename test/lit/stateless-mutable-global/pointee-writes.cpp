// Writes through what a global pointer points to change state the service
// holds. clang's mutation analysis sees them from LLVM 20 on.
// REQUIRES: pointee-writes
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%stateless_include

#include <stateless/annotations.h>
#include <map>
#include <functional>
#include <string>
#include <thread>
#include <vector>

struct Cache {
  int entries;
  void put(int) {}
  int size() const { return entries; }
};

Cache *cache = new Cache();
// CHECK-NOTES: :[[@LINE-1]]:8: warning: global variable 'cache' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
void store(int v) { cache->entries = v; }
// CHECK-NOTES: :[[@LINE-1]]:21: note: 'cache' is modified here

int *slot = new int(0);
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'slot' is modified after start-up
void bump() { *slot = 4; }
// CHECK-NOTES: :[[@LINE-1]]:15: note: 'slot' is modified here

// Reads through pointers, and pointers to const, are not writes.
Cache *shared_cache = new Cache();
const int *limits = new int[4]{1, 2, 3, 4};
const char *name = "svc";
int read(int i) { return shared_cache->size() + shared_cache->entries + limits[i] + name[0]; }
const char *current_name() { return name; }

// An accessor handing out a pointer: the callers' writes through it count.
int hits;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'hits' is modified after start-up
int *hits_pointer() { return &hits; }
STATELESS_HANDLER void hit() { ++*hits_pointer(); }
// CHECK-NOTES: :[[@LINE-1]]:32: note: 'hits' is modified here
// CHECK-NOTES: :[[@LINE-2]]:24: note: reached from handler 'hit', marked STATELESS_HANDLER

// A pointer handed on through emplace_back to a constructor that may write
// through it (forwarding.cpp has the pointer-to-const case).
struct Borrowed {
  Borrowed(char *data, std::size_t size) : data(data), size(size) {}
  char *data;
  std::size_t size;
};
std::string scratch;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: global variable 'scratch' is modified after start-up
STATELESS_HANDLER std::vector<Borrowed> borrow() {
  std::vector<Borrowed> views;
  views.emplace_back(scratch.data(), scratch.size());
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'scratch' is modified here
  // CHECK-NOTES: :[[@LINE-4]]:41: note: reached from handler 'borrow', marked STATELESS_HANDLER
  return views;
}

// Through a pointer as on the object: a non-const begin() or find() only
// hands out access, a write through what it hands out is a write.
struct Peers {
  std::map<std::string, int *> stubs;
};
Peers *peers;
Peers *routes;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: global variable 'routes' is modified after start-up
STATELESS_HANDLER int fan_out() {
  int sent = 0;
  for (auto it = peers->stubs.begin(); it != peers->stubs.end(); ++it)
    sent += *it->second;
  auto route = routes->stubs.find("a");
  route->second = nullptr;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'routes' is modified here
  // CHECK-NOTES: :[[@LINE-7]]:23: note: reached from handler 'fan_out', marked STATELESS_HANDLER
  return sent;
}

// A thread keeps its own copy of each argument: handing it an element of a
// table reads the table; handing it a reference (std::ref) may write it.
void call_peer(int *stub);
void reset_peer(int *&stub);
Peers *callers;
Peers *resets;
// CHECK-NOTES: :[[@LINE-1]]:8: warning: global variable 'resets' is modified after start-up
STATELESS_HANDLER void broadcast() {
  std::vector<std::thread *> calls;
  for (auto it = callers->stubs.begin(); it != callers->stubs.end(); ++it)
    calls.push_back(new std::thread(call_peer, it->second));
  for (std::thread *call : calls)
    call->join();
  auto peer = resets->stubs.find("a");
  std::thread reset(reset_peer, std::ref(peer->second));
  // CHECK-NOTES: :[[@LINE-1]]:33: note: 'resets' is modified here
  // CHECK-NOTES: :[[@LINE-9]]:24: note: reached from handler 'broadcast', marked STATELESS_HANDLER
  reset.join();
}

// Through a pointer to a holder, a call of a lock's (a server's, a
// handle's) method writes none of the holder's state; the holder's own
// data still is.
#include <mutex>
struct Registry {
  std::mutex guard;
  std::map<std::string, int> names;
};
Registry *registry = new Registry;
Registry *visits = new Registry;
// CHECK-NOTES: :[[@LINE-1]]:11: warning: global variable 'visits' is modified after start-up
STATELESS_HANDLER void visit(const std::string &name) {
  registry->guard.lock();
  registry->guard.unlock();
  ++visits->names[name];
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'visits' is modified here
  // CHECK-NOTES: :[[@LINE-5]]:24: note: reached from handler 'visit', marked STATELESS_HANDLER
}

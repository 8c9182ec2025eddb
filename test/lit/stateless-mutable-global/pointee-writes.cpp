// Writes through what a global pointer points to change state the service
// holds. clang's mutation analysis sees them from LLVM 20 on.
// REQUIRES: pointee-writes
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17

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

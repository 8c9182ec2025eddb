// A small service for stateless-report's tests: state that several handlers
// write, accepted state, a malformed annotation, a file write and a
// background thread. Built with -DV2, it has one more piece of state.
#include <stateless/annotations.h>

#include <cstdio>
#include <map>
#include <string>
#include <thread>

std::map<std::string, std::string> sessions;
int requests_served;
STATELESS_ALLOW(cache, "prices, re-read from the catalogue on a miss")
std::map<std::string, int> price_cache;
STATELESS_ALLOW(cache, "") int last_export;
#ifdef V2
int retries;
#endif

void count() { ++requests_served; }

STATELESS_HANDLER void login(const std::string &user) {
  sessions[user] = "token";
  count();
}

STATELESS_HANDLER void logout(const std::string &user) {
  sessions.erase(user);
  count();
}

STATELESS_HANDLER int price(const std::string &sku) {
  count();
  return price_cache.try_emplace(sku, 0).first->second;
}

STATELESS_HANDLER void export_orders() {
  std::fopen("/tmp/orders.csv", "w");
  last_export = 1;
#ifdef V2
  ++retries;
#endif
}

STATELESS_HANDLER void send_report() {
  std::thread([] {}).detach();
}

// Maps and sets of every library, and anything shaped like one, are keyed
// containers: the session-map check reports them, the mutable-global check
// does not.
// RUN: %check_stateless %s stateless-static-session-map %t -- -std=c++17 -I%S/Inputs
// RUN: %check_stateless --check-suffixes=VALUES %s stateless-mutable-global %t -- -std=c++17 -I%S/Inputs

#include <absl/container/flat_hash_map.h>
#include <absl/container/node_hash_set.h>
#include <boost/container/flat_map.hpp>
#include <boost/unordered_map.hpp>
#include <folly/container/F14Map.h>
#include <list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tsl/robin_map.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct Session { std::string user; };

std::map<std::string, Session> sessions;
// CHECK-MESSAGES: :[[@LINE-1]]:32: warning: global container 'sessions' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
std::unordered_map<std::string, int> carts;
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: global container 'carts' is modified after start-up
std::set<std::string> revoked_tokens;
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: global container 'revoked_tokens' is modified after start-up
std::unordered_set<long> seen_ids;
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: global container 'seen_ids' is modified after start-up
std::multimap<int, int> by_user;
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: global container 'by_user' is modified after start-up
boost::unordered_map<std::string, int> boost_sessions;
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: global container 'boost_sessions' is modified after start-up
boost::container::flat_map<int, Session> flat_sessions;
// CHECK-MESSAGES: :[[@LINE-1]]:42: warning: global container 'flat_sessions' is modified after start-up
absl::flat_hash_map<std::string, Session> absl_sessions;
// CHECK-MESSAGES: :[[@LINE-1]]:43: warning: global container 'absl_sessions' is modified after start-up
absl::node_hash_set<std::string> absl_tokens;
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: global container 'absl_tokens' is modified after start-up
tsl::robin_map<std::string, int> tsl_rates;
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: global container 'tsl_rates' is modified after start-up
folly::F14FastMap<std::string, int> folly_carts;
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: global container 'folly_carts' is modified after start-up

// Shaped like a map: key_type and mapped_type.
struct LruCache {
  using key_type = std::string;
  using mapped_type = std::string;
  void put(const key_type &, const mapped_type &);
  std::list<std::pair<key_type, mapped_type>> entries;
};
LruCache lru;
// CHECK-MESSAGES: :[[@LINE-1]]:10: warning: global container 'lru' is modified after start-up
// Derived from one, behind a typedef, behind a smart pointer.
struct TokenStore : std::map<std::string, long> {};
TokenStore tokens;
// CHECK-MESSAGES: :[[@LINE-1]]:12: warning: global container 'tokens' is modified after start-up
using SessionTable = std::unordered_map<std::string, Session>;
SessionTable table;
// CHECK-MESSAGES: :[[@LINE-1]]:14: warning: global container 'table' is modified after start-up
std::unique_ptr<std::map<int, int>> owned_map = std::make_unique<std::map<int, int>>();
// CHECK-MESSAGES: :[[@LINE-1]]:37: warning: global container 'owned_map' is modified after start-up

// Not keyed: the other check's business.
std::vector<std::string> history;
// CHECK-MESSAGES-VALUES: :[[@LINE-1]]:26: warning: global variable 'history' is modified after start-up
std::pair<std::string, int> last_login;
// CHECK-MESSAGES-VALUES: :[[@LINE-1]]:29: warning: global variable 'last_login' is modified after start-up

void handle(const std::string &id) {
  sessions[id] = Session{id};
  carts.emplace(id, 1);
  revoked_tokens.insert(id);
  seen_ids.erase(7);
  by_user.clear();
  boost_sessions[id] = 2;
  flat_sessions.emplace(1, Session{});
  absl_sessions.try_emplace(id);
  absl_tokens.insert(id);
  tsl_rates[id] = 3;
  folly_carts.erase(id);
  lru.put(id, id);
  tokens[id] = 1;
  table.erase(id);
  (*owned_map)[1] = 2;
  history.push_back(id);
  last_login.second++;
}

// Inserting, erasing and updating entries are writes; lookups are not (an
// operator[] whose result is only read included).
// RUN: %check_stateless %s stateless-static-session-map %t -- -std=c++17 -I%stateless_include

#include <map>
#include <stateless/annotations.h>
#include <string>
#include <unordered_map>
#include <unordered_set>

struct Session { std::string user; long expires = 0; };

std::unordered_map<std::string, Session> sessions;
// CHECK-NOTES: :[[@LINE-1]]:42: warning: global container 'sessions' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
void login(const std::string &token, const std::string &user) {
  sessions.insert_or_assign(token, Session{user});
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'sessions' is modified here
}

std::map<std::string, Session> renewals;
// CHECK-NOTES: :[[@LINE-1]]:32: warning: global container 'renewals' is modified after start-up
void renew(const std::string &token, long now) {
  auto it = renewals.find(token);
  if (it != renewals.end())
    it->second.expires = now + 3600;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'renewals' is modified here
}

std::map<std::string, int> carts;
// CHECK-NOTES: :[[@LINE-1]]:28: warning: global container 'carts' is modified after start-up
void empty_cart(const std::string &user) { carts.erase(user); }
// CHECK-NOTES: :[[@LINE-1]]:44: note: 'carts' is modified here

struct RateLimiter {
  static std::unordered_map<std::string, int> hits; // defined in another file
  bool allow(const std::string &ip) { return ++hits[ip] < 100; }
  // CHECK-NOTES: :[[@LINE-1]]:46: warning: static member container 'RateLimiter::hits' is modified after start-up
  // CHECK-NOTES: :[[@LINE-3]]:47: note: 'RateLimiter::hits' is declared here
};

bool first_time(long request_id) {
  static std::unordered_set<long> seen;
  // CHECK-NOTES: :[[@LINE-1]]:35: warning: static local container 'seen' is modified after start-up
  return seen.insert(request_id).second;
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 'seen' is modified here
}

// Lookups only.
std::map<std::string, std::string> mime_types = {{"html", "text/html"}};
std::unordered_map<int, std::string> status_text = {{404, "Not Found"}};
std::string lookup(const std::string &ext, int status) {
  auto it = mime_types.find(ext);
  std::string type = it == mime_types.end() ? "" : it->second;
  if (mime_types.count(ext) && status_text.find(status) != status_text.end())
    type += status_text.at(status);
  for (const auto &[code, text] : status_text)
    type += text;
  return type + std::to_string(mime_types.size());
}

// operator[] whose result is only read is a lookup; one whose result is
// discarded inserts the key.
std::map<std::string, std::string> settings = {{"host", "db"}};
std::map<std::string, long> touched;
// CHECK-NOTES: :[[@LINE-1]]:29: warning: global container 'touched' is modified after start-up
STATELESS_HANDLER std::string database_host(const std::string &user) {
  touched[user];
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'touched' is modified here
  // CHECK-NOTES: :[[@LINE-3]]:31: note: reached from handler 'database_host', marked STATELESS_HANDLER
  return settings["host"] + ":5432";
}

// Legitimate state, annotated.
STATELESS_ALLOW(cache, "rendered templates, rebuilt from disk on a miss")
std::unordered_map<std::string, std::string> template_cache;
STATELESS_ALLOW(sessions, "not a kind")
std::unordered_map<std::string, int> mislabelled;
// CHECK-NOTES: :[[@LINE-2]]:1: warning: STATELESS_ALLOW on 'mislabelled' has unknown kind 'sessions'; use one of cache, pool, metrics, dedup, ratelimit, config, sync, other [stateless-static-session-map]
const std::string &render(const std::string &name) {
  return template_cache[name];
}

int main() {
  mime_types["json"] = "application/json"; // start-up configuration
}

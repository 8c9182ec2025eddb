#include <stateless/annotations.h>
#include <map>
#include <string>

STATELESS_ALLOW(cache, "profiles, re-read from the database on a miss")
static std::map<std::string, std::string> profile_cache;

struct Handler {
  STATELESS_HANDLER void on_request(const std::string &path) {
    profile_cache[path] = path;
  }
};

int main() {
  Handler().on_request("/");
  return static_cast<int>(profile_cache.size()) - 1;
}

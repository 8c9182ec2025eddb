// Nothing here is hidden state: a constant table, configuration set in
// main(), a mutex and locals.
#include <map>
#include <mutex>
#include <string>

const std::map<std::string, int> limits = {{"upload", 10}};
std::string data_dir = "/var/lib/app";
std::mutex lock;

int limit_for(const std::string &name) {
  std::lock_guard<std::mutex> guard(lock);
  std::map<std::string, int> seen;
  seen[name] = 1;
  auto it = limits.find(name);
  return it == limits.end() ? static_cast<int>(seen.size()) : it->second;
}

int main(int argc, char **argv) {
  if (argc > 1)
    data_dir = argv[1];
  return limit_for(data_dir);
}

#pragma once
#include <map>
#include <string>

// The service's user store: a map of users by id.
class UserStore : private std::map<int, std::string> {
public:
  int add(std::string name);
  bool remove(int id);
  std::string find(int id) const;
  // Reads only: a non-const method that changes nothing.
  std::size_t count() { return size(); }

private:
  int next_id_ = 0;
};

// Settings main() hands on the same way, only read by requests.
struct Settings {
  std::string greeting = "hello";
  const std::string &text() { return greeting; }
};

#include "users.h"

int UserStore::add(std::string name) {
  emplace(++next_id_, std::move(name));
  return next_id_;
}

bool UserStore::remove(int id) { return erase(id) > 0; }

std::string UserStore::find(int id) const {
  auto it = std::map<int, std::string>::find(id);
  return it == end() ? "" : it->second;
}

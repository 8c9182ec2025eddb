#pragma once
#include <chrono>
#include <map>
#include <string>
#include <unordered_map>

namespace shop {

struct Session {
  std::string user;
  std::chrono::steady_clock::time_point expires;
};

struct Cart {
  std::map<std::string, int> items;
};

extern std::unordered_map<std::string, Session> sessions;
extern std::map<std::string, Cart> carts;

std::string new_token();
void reseed_tokens();

} // namespace shop

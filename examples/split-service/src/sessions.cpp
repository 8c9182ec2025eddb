// The session and cart stores: written by the routes in routes.cpp.
#include "sessions.h"

#include <mutex>
#include <random>

namespace shop {

std::unordered_map<std::string, Session> sessions; // login on A, 401 on B
std::map<std::string, Cart> carts;                  // the cart vanishes on restart

namespace {
std::mutex lock;
std::mt19937 token_engine{std::random_device{}()};
} // namespace

std::string new_token() {
  std::lock_guard<std::mutex> guard(lock);
  return std::to_string(token_engine());
}

void reseed_tokens() {
  std::lock_guard<std::mutex> guard(lock);
  token_engine.seed(std::random_device{}());
}

} // namespace shop

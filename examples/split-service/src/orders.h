#pragma once
#include <atomic>
#include <map>
#include <string>

namespace shop {

extern std::atomic<unsigned long> orders_placed; // per-instance counter

struct Jobs {
  static std::map<int, std::string> results; // background results kept in memory
};

bool allow(const std::string &ip);
void start_report(int job, std::string user);

} // namespace shop

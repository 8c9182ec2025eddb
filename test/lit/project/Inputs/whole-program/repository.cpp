#include "repository.h"

#include <cstdio>

void MemoryRepository::save(const std::string &order) { orders_.push_back(order); }
std::size_t MemoryRepository::count() const { return orders_.size(); }

Catalog &Catalog::instance() {
  static Catalog catalog;
  return catalog;
}
void Catalog::add(const std::string &item) { ++stock_[item]; }
std::string Catalog::describe(const std::string &item) { return "item " + item; }

void Metrics::hit() { ++hits_; }
void Metrics::trace(const std::string &what) { std::fputs(what.c_str(), stderr); }

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
void SqlAuditLog::record(const std::string &event) {
  db_->exec("INSERT INTO audit VALUES ('" + event + "')");
}

void Metrics::trace(const std::string &what) { std::fputs(what.c_str(), stderr); }

// Nothing in the program calls it: with the whole program indexed it never
// runs, so its write is no finding (without the index, it may be called).
std::vector<std::string> replayed;
void replay(const std::string &order) { replayed.push_back(order); }

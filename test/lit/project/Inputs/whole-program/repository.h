#pragma once
#include <SQLiteCpp/Database.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

// An interface request code calls; the override that keeps the orders is
// defined in another unit (repository.cpp).
class OrderRepository {
public:
  virtual ~OrderRepository() = default;
  virtual void save(const std::string &order) = 0;
  virtual std::size_t count() const = 0;
};

class MemoryRepository : public OrderRepository {
public:
  void save(const std::string &order) override;
  std::size_t count() const override;

private:
  std::vector<std::string> orders_;
};

// A singleton whose one object lives in catalog.cpp.
class Catalog {
public:
  static Catalog &instance();
  void add(const std::string &item);
  // Non-const but changes nothing of the object: calling it is no write.
  std::string describe(const std::string &item);

private:
  std::map<std::string, int> stock_;
};

// Non-const methods, one that changes the object and one that does not.
class Metrics {
public:
  void hit();
  void trace(const std::string &what);

private:
  long hits_ = 0;
};

// An interface whose implementation holds only a handle to a database:
// calling it changes no object of the service (the state is the database's).
class AuditLog {
public:
  virtual ~AuditLog() = default;
  virtual void record(const std::string &event) = 0;
};

class SqlAuditLog : public AuditLog {
public:
  explicit SqlAuditLog(std::shared_ptr<SQLite::Database> db) : db_(std::move(db)) {}
  void record(const std::string &event) override;

private:
  std::shared_ptr<SQLite::Database> db_;
};

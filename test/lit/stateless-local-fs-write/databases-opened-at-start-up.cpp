// A local database file (SQLite) that start-up code opens and request code
// writes through a shared handle holds the service's data on this
// instance's disk: the open is reported, with the request's write (the real
// Debian headers of SQLite and SQLiteCpp). A database request code only
// reads, an in-memory one, and one only start-up code writes are not.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <memory>
#include <sqlite3.h>
#include <stateless/annotations.h>
#include <string>

sqlite3 *orders;

STATELESS_HANDLER void place_order(const std::string &item) {
  const std::string sql = "INSERT INTO orders(item) VALUES('" + item + "')";
  sqlite3_exec(orders, sql.c_str(), nullptr, nullptr, nullptr);
}

STATELESS_HANDLER int count_orders() {
  sqlite3_stmt *statement = nullptr;
  sqlite3_prepare_v2(orders, "SELECT COUNT(*) FROM orders", -1, &statement, nullptr);
  return sqlite3_step(statement);
}

// A catalogue that start-up code fills and requests only read (SQLiteCpp).
class Catalogue {
public:
  static Catalogue &instance() {
    static Catalogue catalogue;
    return catalogue;
  }
  std::unique_ptr<SQLite::Database> db;

private:
  Catalogue() {
    db = std::make_unique<SQLite::Database>("data/catalogue.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db->exec("CREATE TABLE IF NOT EXISTS items(name TEXT)");
  }
};
SQLite::Database *catalogue;

STATELESS_HANDLER bool has_item(const std::string &name) {
  SQLite::Statement query(*catalogue, "SELECT 1 FROM items WHERE name = ?");
  query.bind(1, name);
  return query.executeStep();
}

int main() {
  sqlite3_open("orders.db", &orders);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'sqlite3_open' opens a SQLite database file on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE-35]]:3: note: 'sqlite3_exec' writes the database here
  // CHECK-NOTES: :[[@LINE-38]]:24: note: reached from handler 'place_order', marked STATELESS_HANDLER
  catalogue = Catalogue::instance().db.get();
  sqlite3 *cache = nullptr;
  sqlite3_open(":memory:", &cache); // in memory: no file
}

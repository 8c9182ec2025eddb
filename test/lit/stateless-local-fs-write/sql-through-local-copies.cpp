// SQL a helper of the project's is given and copies into a local it edits
// before running it (`std::string sql = std::string(format)`, its `?`s
// replaced by the arguments) is judged where request code hands it over,
// as SQL passed on directly is: an UPDATE a handler passes writes the
// database start-up code opened; a SELECT another handler passes does not
// (the real Debian SQLite header).
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <sqlite3.h>
#include <stateless/annotations.h>
#include <string>
#include <vector>

sqlite3 *db;

int exec_sql(const char *format, const std::vector<std::string> &args) {
  std::string sql = std::string(format);
  size_t at = 0;
  for (const std::string &arg : args) {
    at = sql.find('?', at);
    if (at == std::string::npos)
      break;
    sql.replace(at, 1, "'" + arg + "'");
  }
  return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
}

STATELESS_HANDLER void set_price(const std::string &symbol, const std::string &price) {
  exec_sql("UPDATE prices SET price = ? WHERE symbol = ?", {price, symbol});
}

STATELESS_HANDLER void read_price(const std::string &symbol) {
  exec_sql("SELECT price FROM prices WHERE symbol = ?", {symbol});
}

int main() {
  sqlite3_open("prices.db", &db);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'sqlite3_open' opens a SQLite database file on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE-14]]:10: note: 'sqlite3_exec' writes the database here
  // CHECK-NOTES: :[[@LINE-12]]:24: note: reached from handler 'set_price', marked STATELESS_HANDLER
  // CHECK-NOTES: :[[@LINE-12]]:3: note: via call to 'exec_sql'
}

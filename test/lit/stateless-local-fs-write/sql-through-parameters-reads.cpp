// SQL a helper of the project's is given, judged where it is handed over:
// request code that only hands it SELECTs, and start-up code that creates
// the tables through it, write nothing a request changes.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <sqlite3.h>
#include <stateless/annotations.h>
#include <string>

class Store {
public:
  void open(const char *path) { sqlite3_open(path, &db_); }
  bool execute(const std::string &sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  }

private:
  sqlite3 *db_ = nullptr;
};

Store store;

STATELESS_HANDLER void list_users(const std::string &name) {
  store.execute("SELECT name FROM users WHERE name = '" + name + "'");
}

int main() {
  store.open("users.db");
  store.execute("CREATE TABLE IF NOT EXISTS users(name TEXT)");
}

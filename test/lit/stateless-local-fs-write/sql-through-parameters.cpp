// SQL a helper of the project's is given (`execute(sql)`, passed on by
// `insert(sql)`) is judged where request code hands it over: an INSERT a
// handler passes writes the local database that start-up code opened (the
// real Debian SQLite header). Reads and start-up writes through the same
// helper are in sql-through-parameters-reads.cpp.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <sqlite3.h>
#include <stateless/annotations.h>
#include <string>

class Store {
public:
  void open(const char *path) { sqlite3_open(path, &db_); }
  // CHECK-NOTES: :[[@LINE-1]]:33: warning: 'sqlite3_open' opens a SQLite database file on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE+5]]:12: note: 'sqlite3_exec' writes the database here
  // CHECK-NOTES: :[[@LINE+14]]:24: note: reached from handler 'add_user', marked STATELESS_HANDLER
  // CHECK-NOTES: :[[@LINE+14]]:9: note: via call to 'Store::insert'
  // CHECK-NOTES: :[[@LINE+4]]:48: note: via call to 'Store::execute'
  bool execute(const std::string &sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  }
  bool insert(const std::string &sql) { return execute(sql); }

private:
  sqlite3 *db_ = nullptr;
};

Store store;

STATELESS_HANDLER void add_user(const std::string &name) {
  store.insert("INSERT INTO users(name) VALUES('" + name + "')");
}

int main() { store.open("users.db"); }

// SQL put into a buffer or a string after its declaration that only reads
// (a SELECT formatted with sprintf, a query assigned to a string declared
// empty): the local database request code only reads is not reported.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <cstdio>
#include <sqlite3.h>
#include <stateless/annotations.h>
#include <string>

sqlite3 *catalogue;

STATELESS_HANDLER void find_item(int id) {
  char sql[128];
  std::sprintf(sql, "SELECT name FROM items WHERE id = %d", id);
  sqlite3_exec(catalogue, sql, nullptr, nullptr, nullptr);
}

STATELESS_HANDLER void list_items(const std::string &shelf) {
  std::string sql;
  sql = "SELECT name FROM items WHERE shelf = '" + shelf + "'";
  sqlite3_stmt *statement = nullptr;
  sqlite3_prepare_v2(catalogue, sql.c_str(), -1, &statement, nullptr);
}

int main() { sqlite3_open("catalogue.db", &catalogue); }

// SQL a handler writes into a buffer with sprintf, or assigns to a string
// declared empty, is read where it is put there: an INSERT formatted into
// `char sql[]` writes the local database that start-up code opened (the
// real Debian SQLite header). The reads are in sql-filled-later-reads.cpp.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <cstdio>
#include <sqlite3.h>
#include <stateless/annotations.h>

sqlite3 *messages;

STATELESS_HANDLER void store_message(int room, const char *text) {
  char sql[512];
  std::snprintf(sql, sizeof sql, "INSERT INTO messages(room, text) VALUES(%d, '%s')", room, text);
  sqlite3_exec(messages, sql, nullptr, nullptr, nullptr);
}

int main() {
  sqlite3_open("messages.db", &messages);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'sqlite3_open' opens a SQLite database file on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE-6]]:3: note: 'sqlite3_exec' writes the database here
  // CHECK-NOTES: :[[@LINE-10]]:24: note: reached from handler 'store_message', marked STATELESS_HANDLER
}

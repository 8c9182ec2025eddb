// Not state: handles to stores outside the process (the state is in the
// database or cache, not in the handle), a FILE * kept open (the file is
// what changes: stateless-local-fs-write), servers however they are held, and
// converters that hold no application data (a JSON reader). What request
// code keeps in memory beside them still is. SQLite, hiredis, httplib and
// jsoncpp are the real Debian headers.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%stateless_include -I/usr/include/jsoncpp

#include <codecvt>
#include <cstdarg>
#include <cstdio>
#include <hiredis/hiredis.h>
#include <httplib.h>
#include <json/json.h>
#include <locale>
#include <memory>
#include <sqlite3.h>
#include <stateless/annotations.h>
#include <string>
#include <vector>

sqlite3 *db = nullptr;
redisContext *cache = nullptr;
std::unique_ptr<httplib::Server> server;
std::unique_ptr<httplib::Client> upstream;
std::wstring_convert<std::codecvt_utf8<wchar_t>> utf8;
Json::CharReader *json_reader = Json::CharReaderBuilder().newCharReader();
std::vector<std::string> audit;
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: global variable 'audit' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]

STATELESS_HANDLER void record(const std::wstring &who) {
  // Reopened on request: still only a handle.
  if (!db)
    sqlite3_open("file:orders?mode=memory", &db);
  sqlite3_exec(db, "INSERT INTO orders VALUES (1)", nullptr, nullptr, nullptr);
  if (!cache)
    cache = redisConnect("cache", 6379);
  redisCommand(cache, "INCR hits");
  if (!upstream)
    upstream = std::make_unique<httplib::Client>("http://inventory");
  upstream->Get("/stock");
  audit.push_back(utf8.to_bytes(who));
  Json::Value parsed;
  const std::string body = "{}";
  json_reader->parse(body.data(), body.data() + body.size(), &parsed, nullptr);
}

STATELESS_HANDLER void restart() {
  server = std::make_unique<httplib::Server>();
  server->listen("0.0.0.0", 8080);
}

// A holder of a handle or a server: a call of the handle's method writes
// the outside store or the connection, not the holder. A holder whose own
// data request code changes still is state.
struct Gateway {
  httplib::Client inventory{"http://inventory"};
  std::vector<std::string> sent;
};
Gateway gateway;
Gateway journal;
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: global variable 'journal' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]

STATELESS_HANDLER void forward(const std::string &path) {
  gateway.inventory.Get(path);
  journal.sent.push_back(path);
}

FILE *log_file = nullptr;

void log_line(const char *format, ...) {
  va_list args;
  va_start(args, format);
  vfprintf(log_file, format, args);
  va_end(args);
  fflush(log_file);
}

STATELESS_HANDLER void ping() { log_line("ping %d\n", 1); }

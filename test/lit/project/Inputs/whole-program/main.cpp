#include "handlers.h"

#include <memory>
#include <thread>

// Servers and the thread that main() starts to run one are start-up.
std::unique_ptr<httplib::Server> server;

int main() {
  MemoryRepository repo;
  Metrics metrics;
  Metrics tracer; // only traced: not modified
  // A handle to a database: the state is in the database, not the handle.
  sqlite3 *db = nullptr;
  sqlite3_open("orders.db", &db);
  auto audit = std::make_shared<SqlAuditLog>(std::make_shared<SQLite::Database>(":memory:"));
  OrderHandlers handlers(repo, metrics, tracer, db, audit);
  std::thread serving([&] {
    server = std::make_unique<httplib::Server>();
    handlers.registerRoutes(*server);
    server->listen("0.0.0.0", 8080);
  });
  serving.join();
}

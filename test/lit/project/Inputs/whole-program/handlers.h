#pragma once
#include "repository.h"

#include <httplib.h>
#include <sqlite3.h>

// A handler object that holds, by reference, what main() owns.
class OrderHandlers {
public:
  OrderHandlers(OrderRepository &repo, Metrics &metrics, Metrics &tracer, sqlite3 *db)
      : repo_(repo), metrics_(metrics), tracer_(tracer), db_(db) {}
  void registerRoutes(httplib::Server &server);

private:
  OrderRepository &repo_;
  Metrics &metrics_;
  Metrics &tracer_;
  sqlite3 *db_;
};

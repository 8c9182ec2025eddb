#pragma once
#include "repository.h"

#include <httplib.h>
#include <sqlite3.h>

// A handler object that holds, by reference, what main() owns.
class OrderHandlers {
public:
  OrderHandlers(OrderRepository &repo, Metrics &metrics, Metrics &tracer, sqlite3 *db,
                std::shared_ptr<AuditLog> audit)
      : repo_(repo), metrics_(metrics), tracer_(tracer), db_(db), audit_(std::move(audit)) {}
  void registerRoutes(httplib::Server &server);

private:
  OrderRepository &repo_;
  Metrics &metrics_;
  Metrics &tracer_;
  sqlite3 *db_;
  std::shared_ptr<AuditLog> audit_;
};

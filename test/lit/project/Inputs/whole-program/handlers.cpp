#include "handlers.h"

void OrderHandlers::registerRoutes(httplib::Server &server) {
  server.Post("/orders", [this](const httplib::Request &req, httplib::Response &res) {
    repo_.save(req.body);
    metrics_.hit();
    tracer_.trace("order");
    audit_->record("order");
    Catalog::instance().add(req.body);
    res.set_content(Catalog::instance().describe(req.body), "text/plain");
    sqlite3_exec(db_, "INSERT INTO audit VALUES (1)", nullptr, nullptr, nullptr);
  });
  server.Get("/orders", [this](const httplib::Request &, httplib::Response &res) {
    res.set_content(std::to_string(repo_.count()), "text/plain");
  });
}

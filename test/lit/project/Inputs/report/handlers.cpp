#include "handlers.h"

int visits = 0;
int hits = 0; // NOLINT(stateless-mutable-global): measured, not state
// NOLINTNEXTLINE(stateless-*)
int errors = 0;
// NOLINTBEGIN(stateless-mutable-global)
int retries = 0;
// NOLINTEND(stateless-mutable-global)
int misses = 0; // NOLINT(stateless-local-fs-write): another check's

void login(const httplib::Request &req, httplib::Response &res) {
  header_sessions[req.body] = "user";
  ++visits;
  ++hits;
  ++errors;
  ++retries;
  ++misses;
  res.status = 200;
}

void count(const httplib::Request &, httplib::Response &res) {
  res.set_content(std::to_string(visits), "text/plain");
}

void Counter::hit(const httplib::Request &req, httplib::Response &res) {
  ++hits_[req.path];
  res.status = 200;
}

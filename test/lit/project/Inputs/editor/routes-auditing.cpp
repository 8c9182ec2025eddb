#include "audit.h"
#include "routes.h"
#include "store.h"

void list_items(const httplib::Request &, httplib::Response &res) {
  res.set_content(describe(), "text/plain");
}

void add_item(const httplib::Request &req, httplib::Response &res) {
  audit(req.body);
  res.status = req.body.empty() ? 400 : 201;
}

#include "routes.h"

#include <httplib.h>

int main() {
  httplib::Server server;
  server.Get("/items", list_items);
  server.Post("/items", add_item);
  server.listen("0.0.0.0", 8080);
}

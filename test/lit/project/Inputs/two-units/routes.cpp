// A handler that calls into storage.cpp.
#include "storage.h"

#include <httplib.h>

int main() {
  httplib::Server server;
  server.Post("/notes", [](const httplib::Request &req, httplib::Response &) {
    save_note(req.body);
  });
  server.listen("0.0.0.0", 8080);
}

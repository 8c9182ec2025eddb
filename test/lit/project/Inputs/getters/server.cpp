#include "server.h"

Server::Server() : db_(new DatabaseClient()), counter_(new Counter()) {}
DatabaseClient *Server::db() { return db_; }
Counter *Server::counter() { return counter_; }

void Server::routes(httplib::Server &http) {
  http.Post("/documents", [this](const httplib::Request &req, httplib::Response &) {
    record(*this, req.body);
  });
}

int main() {
  httplib::Server http;
  Server server;
  server.routes(http);
  http.listen("0.0.0.0", 8080);
}

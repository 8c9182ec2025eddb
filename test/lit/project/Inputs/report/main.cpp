#include "handlers.h"

int main() {
  httplib::Server server;
  Counter counter;
  server.Get("/hit", httplib::Server::Handler(std::bind(
                         &Counter::hit, &counter, std::placeholders::_1,
                         std::placeholders::_2)));
  server.Post("/login", login);
  server.Get("/count", count);
  server.listen("0.0.0.0", 8080);
}

#include "server.h"

void record(Server &server, const std::string &document) {
  server.db()->insert(document);
  server.counter()->hit();
}

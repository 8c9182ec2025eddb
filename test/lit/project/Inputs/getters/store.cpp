#include "server.h"

bool DatabaseClient::insert(const std::string &document) {
  return send("insert", document);
}
bool DatabaseClient::send(const std::string &operation,
                          const std::string &document) const {
  return !operation.empty() && !document.empty() && !url_.empty();
}
void Counter::hit() { ++hits_; }

#pragma once
#include <httplib.h>
#include <string>

class DatabaseClient {
public:
  bool insert(const std::string &document);

private:
  bool send(const std::string &operation, const std::string &document) const;
  std::string url_ = "mongodb://db:27017";
};

class Counter {
public:
  void hit();

private:
  int hits_ = 0;
};

class Server {
public:
  Server();
  DatabaseClient *db();
  Counter *counter();
  void routes(httplib::Server &http);

private:
  DatabaseClient *db_;
  Counter *counter_;
};

void record(Server &server, const std::string &document);

#pragma once
#include <httplib.h>

#include <map>
#include <string>

// State defined in a header: shown only where the header filter allows.
inline std::map<std::string, std::string> header_sessions;

// A handler object main() keeps: its member is reported at its declaration,
// here.
class Counter {
public:
  void hit(const httplib::Request &req, httplib::Response &res);

private:
  std::map<std::string, int> hits_;
};

void login(const httplib::Request &req, httplib::Response &res);
void count(const httplib::Request &req, httplib::Response &res);

// A long-lived handler object, declared here and implemented in
// recommendations.cpp: its members live as long as the instance.
#pragma once
#include <httplib.h>

#include <map>
#include <string>
#include <vector>

namespace shop {

class Recommendations {
public:
  void viewed(const httplib::Request &req, httplib::Response &res);

private:
  std::map<std::string, std::vector<std::string>> recently_viewed_;
};

} // namespace shop

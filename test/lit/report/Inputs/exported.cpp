// A service for reading exported findings: a NOLINT that clang-tidy
// honours, so the report must too, handlers to name by their routes, and a
// column that counts bytes in the findings and code points in the report.
#include <httplib.h>

#include <map>
#include <string>

std::map<std::string, std::string> /* café */ sessions;
std::map<std::string, std::string> hushed; // NOLINT(stateless-static-session-map)

void login(const httplib::Request &req, httplib::Response &) {
  sessions[req.body] = "token";
  hushed[req.body] = "quiet";
}

int main() {
  httplib::Server svr;
  svr.Post("/login", login);
  svr.Post("/logout", [](const httplib::Request &req, httplib::Response &) {
    sessions.erase(req.body);
  });
  svr.listen("0.0.0.0", 8080);
}

// A project's own route table: callables stored in a container (a map of
// std::function, a table of function pointers made with its entries, a
// vector of pointers to member functions) run wherever request code calls
// the container's callables, so what they write is written while serving a
// request. Callables that only start-up code calls are start-up code.
// httplib is the real Debian header.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%stateless_include

#include <functional>
#include <httplib.h>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
std::map<std::string, Handler> routes;

long logins = 0;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'logins' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+1]]:61: note: 'logins' is modified here
void login(const httplib::Request &, httplib::Response &) { ++logins; }
// CHECK-NOTES: :[[@LINE+34]]:10: note: reached from handler 'POST /.*' (a lambda) registered here with 'httplib::Server::Post'
// CHECK-NOTES: :[[@LINE+36]]:7: note: via a callable stored in 'routes', called here

long reports = 0;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'reports' is modified after start-up
// CHECK-NOTES: :[[@LINE+1]]:63: note: 'reports' is modified here
void monthly(const httplib::Request &, httplib::Response &) { ++reports; }
// CHECK-NOTES: :[[@LINE+32]]:10: note: reached from handler 'GET /reports' (a lambda) registered here with 'httplib::Server::Get'
// CHECK-NOTES: :[[@LINE+32]]:5: note: via a callable stored in 'reports_by_name', called here
const std::unordered_map<std::string, void (*)(const httplib::Request &, httplib::Response &)>
    reports_by_name = {{"monthly", monthly}};

long purges = 0;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'purges' is modified after start-up
// CHECK-NOTES: :[[@LINE+3]]:18: note: 'purges' is modified here
class Admin { // holds nothing: not state itself
public:
  void purge() { ++purges; }
};
Admin admin;
// CHECK-NOTES: :[[@LINE+19]]:10: note: reached from handler 'GET /reports' (a lambda) registered here with 'httplib::Server::Get'
std::vector<void (Admin::*)()> admin_actions = {&Admin::purge};
// CHECK-NOTES: :[[@LINE+19]]:5: note: via a callable stored in 'admin_actions', called here
// Run by start-up code only: not request code.
long warmed = 0;
void warm_up() { ++warmed; }
std::vector<void (*)()> start_steps = {warm_up};

int main() {
  for (auto &step : start_steps)
    step();
  routes["/login"] = login;
  routes.emplace("/touch", [](const httplib::Request &, httplib::Response &) {});
  httplib::Server server;
  server.Post(R"(/.*)", [](const httplib::Request &req, httplib::Response &res) {
    auto it = routes.find(req.path);
    if (it != routes.end())
      it->second(req, res);
  });
  server.Get("/reports", [](const httplib::Request &req, httplib::Response &res) {
    reports_by_name.at(req.get_param_value("name"))(req, res);
    (admin.*admin_actions.front())();
  });
  server.listen("0.0.0.0", 8080);
}

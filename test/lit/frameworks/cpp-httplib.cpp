// A cpp-httplib service (the real <httplib.h>): handlers registered as
// lambdas, functions, bound member functions and functor objects.
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 -pthread

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <string>
#include <thread>

namespace app {

std::map<std::string, std::string> tokens;
// CHECK-NOTES: :[[@LINE-1]]:36: warning: global container 'app::tokens' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+31]]:5: note: 'app::tokens' is modified here
// CHECK-NOTES: :[[@LINE+54]]:10: note: reached from handler 'POST /login' ('app::Sessions::login') registered here with 'httplib::Server::Post'
std::string config_path;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: global variable 'app::config_path' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+65]]:5: note: 'app::config_path' is modified here
// CHECK-NOTES: :[[@LINE+63]]:10: note: reached from a handler lambda registered here with 'httplib::Server::Put'
int request_count;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'app::request_count' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+29]]:5: note: 'app::request_count' is modified here
// CHECK-NOTES: :[[@LINE+49]]:10: note: reached from handler 'GET /count' ('app::Counter::operator()') registered here with 'httplib::Server::Get'

void save_upload(const std::string &name, const std::string &body) {
  std::ofstream out("/var/lib/app/" + name);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'std::ofstream' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE+40]]:10: note: reached from handler 'POST /upload' ('app::upload') registered here with 'httplib::Server::Post'
  // CHECK-NOTES: :[[@LINE+10]]:3: note: via call to 'app::save_upload'
  out << body;
}

std::string read_template(const std::string &name) {
  std::ifstream in("/etc/app/" + name); // reading is fine
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void upload(const httplib::Request &req, httplib::Response &res) {
  save_upload(req.get_param_value("name"), req.body);
  res.set_content(read_template("ok.html"), "text/html");
}

struct Sessions {
  void login(const httplib::Request &req, httplib::Response &res) {
    tokens[req.get_param_value("user")] = "t";
  }
};

struct Counter {
  void operator()(const httplib::Request &, httplib::Response &res) const {
    ++request_count;
    res.status = 204;
  }
};

int render(int n) { return n * 2; }

} // namespace app

int main() {
  using namespace app;
  config_path = "/etc/app.conf";                    // start-up configuration
  std::FILE *pid = std::fopen("/run/app.pid", "w"); // start-up: not flagged
  std::fclose(pid);

  httplib::Server server;
  Sessions sessions;
  server.Post("/upload", upload);
  server.Post("/login", httplib::Server::Handler(std::bind(
                            &Sessions::login, &sessions, std::placeholders::_1,
                            std::placeholders::_2)));
  server.Get("/count", Counter());
  server.Get("/report", [](const httplib::Request &, httplib::Response &res) {
    // Request-scoped work: the future is waited for before the response.
    auto value = std::async(std::launch::async, render, 21);
    res.set_content(std::to_string(value.get()), "text/plain");
    std::thread([] { std::this_thread::sleep_for(std::chrono::hours(1)); }).detach();
    // CHECK-NOTES: :[[@LINE-1]]:77: warning: 'std::thread::detach' detaches a background thread in this instance while serving a request: the job runs on this instance only and is lost when it stops; use an external scheduler or a job queue [stateless-instance-timer]
    // CHECK-NOTES: :[[@LINE-6]]:10: note: reached from handler 'GET /report' (a lambda) registered here with 'httplib::Server::Get'
  });
  // A path made at run time names no route: the handler keeps its name.
  server.Put(config_path + "/reload", [](const httplib::Request &req, httplib::Response &) {
    config_path = req.body;
  });
  server.listen("0.0.0.0", 8080);
}

// civetweb (the real Debian <CivetServer.h> and <civetweb.h>): objects of
// CivetHandler's subclasses that CivetServer::addHandler registers, whose
// handleGet()/handlePost() civetweb calls for each request, and a C
// handler mg_set_request_handler registers.
// RUN: %check_stateless %s stateless-handler-member-state,stateless-mutable-global,stateless-static-session-map,stateless-instance-timer %t -- -std=c++17

#include <CivetServer.h>
#include <civetweb.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>

class PingHandler : public CivetHandler {
public:
  bool handleGet(CivetServer *, struct mg_connection *conn) override {
    ++pings_;
    mg_printf(conn, "HTTP/1.1 200 OK\r\n\r\n%d", pings_);
    return true;
  }

private:
  int pings_ = 0;
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: member 'PingHandler::pings_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-8]]:5: note: 'pings_' is modified here
  // CHECK-NOTES: :[[@LINE-10]]:8: note: reached from handler 'PingHandler::handleGet', a method of a subclass of 'CivetHandler'
};

class TaskHandler : public CivetHandler {
public:
  explicit TaskHandler(std::string greeting) : greeting_(std::move(greeting)) {}
  bool handlePost(CivetServer *, struct mg_connection *conn) override {
    char body[256];
    int n = mg_read(conn, body, sizeof body);
    tasks_[next_id_++] = std::string(body, n > 0 ? n : 0);
    mg_printf(conn, "HTTP/1.1 201 Created\r\n\r\n%s", greeting_.c_str());
    return true;
  }
  // Only read while serving.
  bool handleGet(CivetServer *, struct mg_connection *conn) override {
    mg_printf(conn, "HTTP/1.1 200 OK\r\n\r\n%zu", tasks_.size());
    return true;
  }

private:
  const std::string greeting_;
  std::map<int, std::string> tasks_;
  // CHECK-NOTES: :[[@LINE-1]]:30: warning: member 'TaskHandler::tasks_' of a long-lived handler object is modified while serving requests: entries stored in one instance are missing from the others and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-14]]:5: note: 'tasks_' is modified here
  // CHECK-NOTES: :[[@LINE-18]]:8: note: reached from handler 'TaskHandler::handlePost', a method of a subclass of 'CivetHandler'
  int next_id_ = 1;
  // CHECK-NOTES: :[[@LINE-1]]:7: warning: member 'TaskHandler::next_id_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-18]]:12: note: 'next_id_' is modified here
  // CHECK-NOTES: :[[@LINE-22]]:8: note: reached from handler 'TaskHandler::handlePost', a method of a subclass of 'CivetHandler'
};

// The C API: a function civetweb calls for each request to its URI.
std::map<std::string, int> hits_by_uri;
// CHECK-NOTES: :[[@LINE-1]]:28: warning: global container 'hits_by_uri' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+4]]:3: note: 'hits_by_uri' is modified here
// CHECK-NOTES: :[[@LINE+22]]:3: note: reached from handler '/status' ('status_handler') registered here with 'mg_set_request_handler'
int status_handler(struct mg_connection *conn, void *) {
  const struct mg_request_info *info = mg_get_request_info(conn);
  ++hits_by_uri[info->local_uri];
  mg_printf(conn, "HTTP/1.1 200 OK\r\n\r\nok");
  return 200;
}

// Written only while main() starts the server.
int handlers_registered = 0;
volatile bool exit_now = false;

int main() {
  const char *options[] = {"listening_ports", "8080", nullptr};
  CivetServer server(options);
  PingHandler ping;
  TaskHandler tasks("created");
  server.addHandler("/ping", ping);
  server.addHandler("/tasks", tasks);
  ++handlers_registered;
  const char *status_options[] = {"listening_ports", "8081", nullptr};
  struct mg_context *status = mg_start(nullptr, nullptr, status_options);
  mg_set_request_handler(status, "/status", status_handler, nullptr);
  // The main thread waits for the server to be stopped: no job.
  while (!exit_now)
    std::this_thread::sleep_for(std::chrono::seconds(1));
}

// A Drogon service: a controller with METHOD_ADD routes, a simple controller,
// a websocket controller and registerHandler (Drogon's API as its headers
// declare it, in Inputs/drogon).
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 -isystem %S/Inputs/drogon

#include "drogon.h"

#include <map>
#include <set>
#include <string>

using namespace drogon;

std::map<std::string, std::string> user_names;
// CHECK-NOTES: :[[@LINE-1]]:36: warning: global container 'user_names' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+22]]:5: note: 'user_names' is modified here
// CHECK-NOTES: :[[@LINE+14]]:3: note: reached from handler 'POST /api/v1/User/token?userId={1}' ('api::v1::User::login') registered here with 'drogon::HttpController::registerMethod'
int greetings;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'greetings' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+80]]:9: note: 'greetings' is modified here
// CHECK-NOTES: :[[@LINE+75]]:9: note: reached from handler 'GET|POST /greetings' (a lambda) registered here with 'drogon::HttpAppFramework::registerHandler'
std::set<WebSocketConnectionPtr> chat_members;
// CHECK-NOTES: :[[@LINE-1]]:34: warning: global container 'chat_members' is modified after start-up
// CHECK-NOTES: :[[@LINE+52]]:5: note: 'chat_members' is modified here
// CHECK-NOTES: :[[@LINE+49]]:8: note: reached from handler 'Chat::handleNewConnection', a method of a subclass of 'drogon::WebSocketController'

namespace api::v1 {
class User : public HttpController<User> {
public:
  METHOD_LIST_BEGIN
  METHOD_ADD(User::login, "/token?userId={1}", Post);
  METHOD_ADD(User::upload, "/upload", Post);
  METHOD_LIST_END

  void login(const HttpRequestPtr &req,
             std::function<void(const HttpResponsePtr &)> &&callback,
             std::string &&userId) {
    user_names[userId] = req->getParameter("name");
    callback(HttpResponse::newHttpResponse());
  }

  void upload(const HttpRequestPtr &req,
              std::function<void(const HttpResponsePtr &)> &&callback) {
    MultiPartParser parser;
    parser.parse(req);
    for (const HttpFile &file : parser.getFiles())
      file.save("/var/lib/uploads");
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'drogon::HttpFile::save' saves an upload to a file on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
    // CHECK-NOTES: :[[@LINE-17]]:3: note: reached from handler 'POST /api/v1/User/upload' ('api::v1::User::upload') registered here with 'drogon::HttpController::registerMethod'
    callback(HttpResponse::newHttpResponse());
  }
};
} // namespace api::v1

class Health : public HttpSimpleController<Health> {
public:
  void asyncHandleHttpRequest(
      const HttpRequestPtr &,
      std::function<void(const HttpResponsePtr &)> &&callback) override {
    app().getLoop()->runEvery(60.0, [] { /* refresh a local cache */ });
    // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'trantor::EventLoop::runEvery' schedules a periodic job while serving a request: a scheduled job of this instance, run by every instance and stopped with it; run it from an external scheduler (a cron job, a queue's scheduled messages) [stateless-instance-timer]
    // CHECK-NOTES: :[[@LINE-5]]:8: note: reached from handler 'Health::asyncHandleHttpRequest', a method of a subclass of 'drogon::HttpSimpleController'
    callback(HttpResponse::newHttpResponse());
  }
};

class Chat : public WebSocketController<Chat> {
public:
  void handleNewMessage(const WebSocketConnectionPtr &, std::string &&message,
                        const WebSocketMessageType &) override {
    for (const auto &member : chat_members) // reading the registry
      member->send(message);
  }
  void handleNewConnection(const HttpRequestPtr &,
                           const WebSocketConnectionPtr &conn) override {
    chat_members.insert(conn);
  }
  void handleConnectionClosed(const WebSocketConnectionPtr &conn) override {
    chat_members.erase(conn);
  }
};

int main() {
  app().getLoop()->runEvery(3600.0, [] {}); // start-up: still a job of this instance
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'trantor::EventLoop::runEvery' schedules a periodic job: a scheduled job of this instance, run by every instance and stopped with it; run it from an external scheduler (a cron job, a queue's scheduled messages) [stateless-instance-timer]
  app().registerHandler(
      "/hello",
      [](const HttpRequestPtr &,
         std::function<void(const HttpResponsePtr &)> &&callback) {
        auto resp = HttpResponse::newHttpResponse();
        resp->setBody("Hello, World!");
        callback(resp);
      },
      {Get});
  // The methods among the constraints, not the filters, name the route.
  app().registerHandler(
      "/greetings",
      [](const HttpRequestPtr &,
         std::function<void(const HttpResponsePtr &)> &&callback) {
        ++greetings;
        callback(HttpResponse::newHttpResponse());
      },
      {Get, Post, "LoginFilter"});
  app().addListener("0.0.0.0", 8080).run();
}

// Objects created for each request hold request state: Poco's request
// handlers (the real Debian <Poco/...> headers), created by their factory,
// and Beast sessions, created by the accept handler. The factory and the
// listener live as long as the server, and so does a chat room that
// start-up code makes, even though requests make more rooms.
// RUN: %check_stateless %s stateless-handler-member-state %t -- -std=c++17 -I%stateless_include

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <memory>
#include <stateless/annotations.h>
#include <string>
#include <vector>

using namespace Poco::Net;

class EchoHandler : public HTTPRequestHandler {
public:
  void handleRequest(HTTPServerRequest &request, HTTPServerResponse &response) override {
    uri_ = request.getURI(); // a member of a per-request object
    response.send() << uri_;
  }

private:
  std::string uri_;
};

class EchoFactory : public HTTPRequestHandlerFactory {
public:
  HTTPRequestHandler *createRequestHandler(const HTTPServerRequest &) override {
    ++created_;
    return new EchoHandler;
  }

private:
  unsigned long created_ = 0;
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: member 'EchoFactory::created_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-7]]:5: note: 'created_' is modified here
  // CHECK-NOTES: :[[@LINE-9]]:23: note: reached from handler 'EchoFactory::createRequestHandler', a method of a subclass of 'Poco::Net::HTTPRequestHandlerFactory'
};

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class session : public std::enable_shared_from_this<session> {
public:
  explicit session(tcp::socket &&socket) : stream_(std::move(socket)) {}
  void run() {
    http::async_read(stream_, buffer_, req_,
                     beast::bind_front_handler(&session::on_read, shared_from_this()));
  }
  void on_read(beast::error_code, std::size_t) {
    ++requests_on_connection_; // state of this connection only
    req_ = {};
  }

private:
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> req_;
  int requests_on_connection_ = 0;
};

class listener : public std::enable_shared_from_this<listener> {
public:
  listener(net::io_context &ioc, tcp::endpoint endpoint) : ioc_(ioc), acceptor_(ioc, endpoint) {}
  void do_accept() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&listener::on_accept, shared_from_this()));
  }
  void on_accept(beast::error_code, tcp::socket socket) {
    std::make_shared<session>(std::move(socket))->run();
    do_accept();
  }

private:
  net::io_context &ioc_;
  tcp::acceptor acceptor_;
};

class Room {
public:
  explicit Room(std::string name) : name_(std::move(name)) {}
  STATELESS_HANDLER void join(const std::string &user) { members_.push_back(user); }

private:
  std::string name_;
  std::vector<std::string> members_;
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: member 'Room::members_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-6]]:58: note: 'members_' is modified here
  // CHECK-NOTES: :[[@LINE-7]]:26: note: reached from handler 'Room::join', marked STATELESS_HANDLER
};
Room *lobby;
STATELESS_HANDLER void meet(const std::string &name) {
  Room room(name); // made per request
  room.join("host");
}

int main() {
  lobby = new Room("lobby");
  net::io_context ioc;
  std::make_shared<listener>(ioc, tcp::endpoint{tcp::v4(), 8080})->do_accept();
  ioc.run();
}

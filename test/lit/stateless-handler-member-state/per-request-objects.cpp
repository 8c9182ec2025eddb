// Objects created for each request hold request state: Poco's request
// handlers (the real Debian <Poco/...> headers), created by their factory,
// and Beast sessions, created by the accept handler. The factory and the
// listener live as long as the server.
// RUN: %check_stateless %s stateless-handler-member-state %t -- -std=c++17

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <memory>
#include <string>

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

int main() {
  net::io_context ioc;
  std::make_shared<listener>(ioc, tcp::endpoint{tcp::v4(), 8080})->do_accept();
  ioc.run();
}

// An asynchronous Boost.Beast HTTP server (the real Debian Boost headers), in
// the shape of Beast's http_server_async example: completion handlers bound
// with bind_front_handler are the request code.
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17

#include <boost/asio/dispatch.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <memory>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

unsigned long requests_served;
// CHECK-NOTES: :[[@LINE-1]]:15: warning: global variable 'requests_served' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+28]]:5: note: 'requests_served' is modified here
// CHECK-NOTES: :[[@LINE+20]]:5: note: reached from handler 'session::on_read' registered here with 'boost::beast::http::async_read'

class session : public std::enable_shared_from_this<session> {
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> req_;
  net::steady_timer reminder_;

public:
  explicit session(tcp::socket &&socket)
      : stream_(std::move(socket)), reminder_(stream_.get_executor()) {}

  void run() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&session::do_read, shared_from_this()));
  }

  void do_read() {
    req_ = {};
    stream_.expires_after(std::chrono::seconds(30)); // a request timeout: fine
    http::async_read(stream_, buffer_, req_,
                     beast::bind_front_handler(&session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec)
      return;
    ++requests_served;
    if (req_.target() == "/remind") {
      reminder_.expires_after(std::chrono::hours(24));
      reminder_.async_wait([self = shared_from_this()](beast::error_code) {});
      // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'boost::asio::basic_waitable_timer::async_wait' arms a timer in this instance while serving a request: the job runs on this instance only and is lost when it stops; use an external scheduler or a job queue [stateless-instance-timer]
      // CHECK-NOTES: :[[@LINE-12]]:5: note: reached from handler 'session::on_read' registered here with 'boost::beast::http::async_read'
      // The same timer armed again is the same finding.
      reminder_.async_wait([self = shared_from_this()](beast::error_code) {});
    }
    http::response<http::string_body> res{http::status::ok, req_.version()};
    res.body() = "ok";
    res.prepare_payload();
    http::write(stream_, res);
  }
};

class listener : public std::enable_shared_from_this<listener> {
  net::io_context &ioc_;
  tcp::acceptor acceptor_;

public:
  listener(net::io_context &ioc, tcp::endpoint endpoint)
      : ioc_(ioc), acceptor_(net::make_strand(ioc)) {
    acceptor_.open(endpoint.protocol());
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }

  void run() { do_accept(); }

private:
  void do_accept() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&listener::on_accept,
                                                     shared_from_this()));
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (!ec)
      std::make_shared<session>(std::move(socket))->run();
    do_accept();
  }
};

int main() {
  net::io_context ioc{1};
  std::make_shared<listener>(ioc, tcp::endpoint{net::ip::make_address("0.0.0.0"), 8080})->run();
  ioc.run();
}

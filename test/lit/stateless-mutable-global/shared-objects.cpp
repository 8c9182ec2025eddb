// Beast's websocket chat (websocket-chat-multi, reduced; the real Debian
// Boost headers): main() makes the shared state and hands it to the
// listener, which hands it to each HTTP session, which hands it to each
// websocket session. What the sessions write through their shared_ptr
// members is that one object, reported at main()'s local; the members
// themselves only borrow it, and the per-connection sessions hold no
// instance state of their own.
// RUN: %check_stateless %s stateless-mutable-global,stateless-static-session-map,stateless-handler-member-state %t -- -std=c++17

#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

class websocket_session;

class shared_state {
  std::string const doc_root_;
  std::mutex mutex_;
  std::unordered_set<websocket_session *> sessions_;

public:
  explicit shared_state(std::string doc_root) : doc_root_(std::move(doc_root)) {}
  std::string const &doc_root() const noexcept { return doc_root_; }
  void join(websocket_session *session) {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions_.insert(session);
  }
  void leave(websocket_session *session) {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions_.erase(session);
  }
};

class websocket_session
    : public std::enable_shared_from_this<websocket_session> {
  beast::flat_buffer buffer_;
  websocket::stream<beast::tcp_stream> ws_;
  std::shared_ptr<shared_state> state_;
  std::vector<std::string> queue_;

public:
  websocket_session(tcp::socket &&socket,
                    std::shared_ptr<shared_state> const &state)
      : ws_(std::move(socket)), state_(state) {}

  void run(http::request<http::string_body> req) {
    ws_.async_accept(req, beast::bind_front_handler(&websocket_session::on_accept,
                                                    shared_from_this()));
  }

  void on_accept(beast::error_code ec) {
    if (ec)
      return;
    state_->join(this);
    ws_.async_read(buffer_, beast::bind_front_handler(&websocket_session::on_read,
                                                      shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) {
      state_->leave(this);
      return;
    }
    queue_.push_back(beast::buffers_to_string(buffer_.data()));
    buffer_.consume(buffer_.size());
    ws_.async_read(buffer_, beast::bind_front_handler(&websocket_session::on_read,
                                                      shared_from_this()));
  }
};

class http_session : public std::enable_shared_from_this<http_session> {
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::shared_ptr<shared_state> state_;
  std::optional<http::request_parser<http::string_body>> parser_;

public:
  http_session(tcp::socket &&socket, std::shared_ptr<shared_state> const &state)
      : stream_(std::move(socket)), state_(state) {}

  void run() {
    parser_.emplace();
    http::async_read(stream_, buffer_, parser_->get(),
                     beast::bind_front_handler(&http_session::on_read,
                                               shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec)
      return;
    if (websocket::is_upgrade(parser_->get())) {
      std::make_shared<websocket_session>(stream_.release_socket(), state_)
          ->run(parser_->release());
      return;
    }
  }
};

class listener : public std::enable_shared_from_this<listener> {
  net::io_context &ioc_;
  tcp::acceptor acceptor_;
  std::shared_ptr<shared_state> state_;

public:
  listener(net::io_context &ioc, tcp::endpoint endpoint,
           std::shared_ptr<shared_state> const &state)
      : ioc_(ioc), acceptor_(ioc), state_(state) {
    acceptor_.open(endpoint.protocol());
    acceptor_.bind(endpoint);
    acceptor_.listen();
  }

  void run() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&listener::on_accept,
                                                     shared_from_this()));
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (!ec)
      std::make_shared<http_session>(std::move(socket), state_)->run();
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&listener::on_accept,
                                                     shared_from_this()));
  }
};

int main() {
  net::io_context ioc;
  auto state = std::make_shared<shared_state>(".");
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: local variable 'state', which 'main' shares with request code, is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
  // CHECK-NOTES: :[[@LINE-78]]:5: note: 'state' is modified here
  // CHECK-NOTES: :[[@LINE-86]]:9: note: reached from handler 'websocket_session::on_accept' registered here with 'boost::beast::websocket::stream::async_accept'
  std::make_shared<listener>(ioc, tcp::endpoint{net::ip::make_address("0.0.0.0"), 8080},
                             state)
      ->run();
  ioc.run();
}

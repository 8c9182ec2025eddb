// An object start-up code makes right where it hands it to a constructor
// that keeps it, as Beast's websocket chat does in main()
// (`boost::make_shared<listener>(ioc, endpoint,
// boost::make_shared<shared_state>(doc_root))`), is as long-lived as a
// local of main(): reported where it is made, with the write and the
// handler path. The constructor a factory calls is the one its library
// code instantiates, whatever the other constructors take. An object made
// per connection is not instance state. The real Debian Boost headers.
// RUN: %check_stateless %s stateless-mutable-global,stateless-static-session-map,stateless-handler-member-state %t -- -std=c++17

#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/make_shared.hpp>
#include <boost/shared_ptr.hpp>
#include <boost/smart_ptr/enable_shared_from_this.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

class session;

class shared_state {
  std::string const doc_root_;
  std::mutex mutex_;
  std::unordered_set<session *> sessions_;

public:
  explicit shared_state(std::string doc_root) : doc_root_(std::move(doc_root)) {}
  std::string const &doc_root() const noexcept { return doc_root_; }
  void join(session *s) {
    std::lock_guard<std::mutex> lock(mutex_);
    sessions_.insert(s);
  }
};

// Made per connection, with the connection's own log.
class request_log {
  std::string lines_;

public:
  void append(std::string const &line) { lines_ += line; }
};

class session : public boost::enable_shared_from_this<session> {
  beast::tcp_stream stream_;
  boost::shared_ptr<shared_state> state_;
  std::shared_ptr<request_log> log_;

public:
  session(tcp::socket &&socket, boost::shared_ptr<shared_state> const &state,
          std::shared_ptr<request_log> log)
      : stream_(std::move(socket)), state_(state), log_(std::move(log)) {}

  void run() {
    state_->join(this);
    log_->append(state_->doc_root());
  }
};

class listener : public boost::enable_shared_from_this<listener> {
  net::io_context &ioc_;
  tcp::acceptor acceptor_;
  boost::shared_ptr<shared_state> state_;

public:
  listener(net::io_context &ioc, tcp::endpoint endpoint,
           boost::shared_ptr<shared_state> const &state)
      : ioc_(ioc), acceptor_(ioc), state_(state) {
    acceptor_.open(endpoint.protocol());
    acceptor_.bind(endpoint);
    acceptor_.listen();
  }
  // Takes as many arguments, keeps nothing it is given.
  listener(net::io_context &ioc, tcp::endpoint endpoint, std::string doc_root)
      : ioc_(ioc), acceptor_(ioc),
        state_(boost::make_shared<shared_state>(std::move(doc_root))) {}

  void run() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&listener::on_accept,
                                                     shared_from_this()));
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (!ec)
      boost::make_shared<session>(std::move(socket), state_,
                                  std::make_shared<request_log>())
          ->run();
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&listener::on_accept,
                                                     shared_from_this()));
  }
};

// Counts requests; made at start-up for a per-instance statistic.
struct counter {
  long hits = 0;
};

class stats_listener : public std::enable_shared_from_this<stats_listener> {
  tcp::acceptor acceptor_;
  std::shared_ptr<counter> hits_;
  std::shared_ptr<std::mutex> lock_;

public:
  stats_listener(net::io_context &ioc, std::shared_ptr<counter> hits,
                 std::shared_ptr<std::mutex> lock)
      : acceptor_(ioc), hits_(std::move(hits)), lock_(std::move(lock)) {}

  void run() {
    acceptor_.async_accept(beast::bind_front_handler(&stats_listener::on_accept,
                                                     shared_from_this()));
  }

  void on_accept(beast::error_code, tcp::socket) {
    std::lock_guard<std::mutex> hold(*lock_);
    ++hits_->hits;
  }
};

int main() {
  net::io_context ioc;
  boost::make_shared<listener>(
      ioc, tcp::endpoint{net::ip::make_address("0.0.0.0"), 8080},
      boost::make_shared<shared_state>("."))
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: object of type 'shared_state', which 'main' makes and shares with request code, is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
      // CHECK-NOTES: :[[@LINE-72]]:5: note: the object is modified here
      // CHECK-NOTES: :[[@LINE-49]]:15: note: reached from handler 'listener::on_accept' registered here with 'boost::asio::basic_socket_acceptor::async_accept'
      // CHECK-NOTES: :[[@LINE-41]]:13: note: via call to 'session::run'
      ->run();
  // The other constructor of the same arity keeps nothing it is given.
  boost::make_shared<listener>(
      ioc, tcp::endpoint{net::ip::make_address("0.0.0.0"), 8081}, "./public")
      ->run();
  // allocate_shared's allocator is not a constructor argument.
  std::allocate_shared<stats_listener>(std::allocator<stats_listener>(), ioc,
                                       std::make_shared<counter>(),
                                       // CHECK-NOTES: :[[@LINE-1]]:40: warning: object of type 'counter', which 'main' makes and shares with request code, is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
                                       // CHECK-NOTES: :[[@LINE-22]]:5: note: the object is modified here
                                       // CHECK-NOTES: :[[@LINE-29]]:15: note: reached from handler 'stats_listener::on_accept' registered here with 'boost::asio::basic_socket_acceptor::async_accept'
                                       std::make_shared<std::mutex>())
      ->run();
  ioc.run();
}

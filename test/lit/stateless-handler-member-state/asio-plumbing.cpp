// A server object's connection plumbing (the real Debian Boost.Asio
// headers): the socket each accept fills and hands on to a connection is
// no state of the server, as its acceptor is not; a count of the accepted
// connections and a list of the clients it keeps are.
// RUN: %check_stateless %s stateless-handler-member-state %t -- -std=c++17

#include <boost/asio.hpp>

#include <memory>
#include <utility>
#include <vector>

using boost::asio::ip::tcp;

class connection : public std::enable_shared_from_this<connection> {
public:
  explicit connection(tcp::socket socket) : socket_(std::move(socket)) {}
  void start() {}

private:
  tcp::socket socket_;
};

class server {
public:
  explicit server(boost::asio::io_context &io)
      : acceptor_(io, tcp::endpoint(tcp::v4(), 8080)), socket_(io) {
    accept();
  }

private:
  void accept() {
    acceptor_.async_accept(socket_, [this](boost::system::error_code error) {
      if (!error) {
        ++accepted_;
        if (accepted_ % 2)
          std::make_shared<connection>(std::move(socket_))->start();
        else
          clients_.push_back(std::move(socket_));
      }
      accept();
    });
  }

  tcp::acceptor acceptor_;
  tcp::socket socket_;
  long accepted_ = 0;
  // CHECK-NOTES: :[[@LINE-1]]:8: warning: member 'server::accepted_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-14]]:9: note: 'accepted_' is modified here
  // CHECK-NOTES: :[[@LINE-17]]:15: note: reached from a handler lambda registered here with 'boost::asio::basic_socket_acceptor::async_accept'
  std::vector<tcp::socket> clients_;
  // CHECK-NOTES: :[[@LINE-1]]:28: warning: member 'server::clients_' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-NOTES: :[[@LINE-14]]:11: note: 'clients_' is modified here
  // CHECK-NOTES: :[[@LINE-21]]:15: note: reached from a handler lambda registered here with 'boost::asio::basic_socket_acceptor::async_accept'
};

int main() {
  boost::asio::io_context io;
  server s(io);
  io.run();
}

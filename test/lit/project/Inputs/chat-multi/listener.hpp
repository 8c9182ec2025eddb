#ifndef CHAT_LISTENER_HPP
#define CHAT_LISTENER_HPP

#include "beast.hpp"
#include "net.hpp"
#include "shared_state.hpp"

#include <memory>

// Accepts connections: one HTTP session each.
class listener : public std::enable_shared_from_this<listener> {
  net::io_context &ioc_;
  tcp::acceptor acceptor_;
  std::shared_ptr<shared_state> state_;

  void on_accept(beast::error_code ec, tcp::socket socket);

public:
  listener(net::io_context &ioc, tcp::endpoint endpoint,
           std::shared_ptr<shared_state> const &state);
  void run();
};

#endif

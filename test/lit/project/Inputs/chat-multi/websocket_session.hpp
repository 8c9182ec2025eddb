#ifndef CHAT_WEBSOCKET_SESSION_HPP
#define CHAT_WEBSOCKET_SESSION_HPP

#include "beast.hpp"
#include "net.hpp"
#include "shared_state.hpp"

#include <memory>
#include <string>
#include <vector>

// One per websocket connection: it joins the room main() made.
class websocket_session
    : public std::enable_shared_from_this<websocket_session> {
  beast::flat_buffer buffer_;
  websocket::stream<beast::tcp_stream> ws_;
  std::shared_ptr<shared_state> state_;
  std::vector<std::shared_ptr<std::string const>> queue_;

  void on_accept(beast::error_code ec);
  void on_read(beast::error_code ec, std::size_t bytes_transferred);
  void on_write(beast::error_code ec, std::size_t bytes_transferred);

public:
  websocket_session(tcp::socket &&socket,
                    std::shared_ptr<shared_state> const &state);
  ~websocket_session();

  template <class Body, class Allocator>
  void run(http::request<Body, http::basic_fields<Allocator>> req);

  void send(std::shared_ptr<std::string const> const &ss);
};

template <class Body, class Allocator>
void websocket_session::run(
    http::request<Body, http::basic_fields<Allocator>> req) {
  ws_.async_accept(req, beast::bind_front_handler(&websocket_session::on_accept,
                                                  shared_from_this()));
}

#endif

#ifndef CHAT_HTTP_SESSION_HPP
#define CHAT_HTTP_SESSION_HPP

#include "beast.hpp"
#include "net.hpp"
#include "shared_state.hpp"

#include <memory>
#include <optional>
#include <string>

// One per HTTP connection: upgrades to a websocket session.
class http_session : public std::enable_shared_from_this<http_session> {
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  // Borrowed: the room main() made.
  std::shared_ptr<shared_state> state_;
  // Its own: made by the constructor, not passed in.
  std::shared_ptr<std::string> last_target_;
  std::optional<http::request_parser<http::string_body>> parser_;

  void do_read();
  void on_read(beast::error_code ec, std::size_t bytes_transferred);

public:
  http_session(tcp::socket &&socket,
               std::shared_ptr<shared_state> const &state);
  void run();
};

#endif

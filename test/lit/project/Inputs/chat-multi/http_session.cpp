#include "http_session.hpp"
#include "websocket_session.hpp"

http_session::http_session(tcp::socket &&socket,
                           std::shared_ptr<shared_state> const &state)
    : stream_(std::move(socket)), state_(state),
      last_target_(std::make_shared<std::string>(state->doc_root())) {}

void http_session::run() { do_read(); }

void http_session::do_read() {
  parser_.emplace();
  parser_->body_limit(10000);
  http::async_read(stream_, buffer_, parser_->get(),
                   beast::bind_front_handler(&http_session::on_read,
                                             shared_from_this()));
}

void http_session::on_read(beast::error_code ec, std::size_t) {
  if (ec)
    return;
  if (websocket::is_upgrade(parser_->get())) {
    std::make_shared<websocket_session>(stream_.release_socket(), state_)
        ->run(parser_->release());
    return;
  }
  // The room is only read here: where the files it would serve are.
  *last_target_ =
      state_->doc_root() + std::string(parser_->get().target());
  do_read();
}

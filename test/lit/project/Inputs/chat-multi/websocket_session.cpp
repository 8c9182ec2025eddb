#include "websocket_session.hpp"

websocket_session::websocket_session(tcp::socket &&socket,
                                     std::shared_ptr<shared_state> const &state)
    : ws_(std::move(socket)), state_(state) {}

websocket_session::~websocket_session() { state_->leave(this); }

void websocket_session::on_accept(beast::error_code ec) {
  if (ec)
    return;
  state_->join(this);
  ws_.async_read(buffer_, beast::bind_front_handler(&websocket_session::on_read,
                                                    shared_from_this()));
}

void websocket_session::on_read(beast::error_code ec, std::size_t) {
  if (ec)
    return;
  state_->send(beast::buffers_to_string(buffer_.data()));
  buffer_.consume(buffer_.size());
  ws_.async_read(buffer_, beast::bind_front_handler(&websocket_session::on_read,
                                                    shared_from_this()));
}

void websocket_session::send(std::shared_ptr<std::string const> const &ss) {
  queue_.push_back(ss);
  if (queue_.size() > 1)
    return;
  ws_.async_write(net::buffer(*queue_.front()),
                  beast::bind_front_handler(&websocket_session::on_write,
                                            shared_from_this()));
}

void websocket_session::on_write(beast::error_code ec, std::size_t) {
  if (ec)
    return;
  queue_.erase(queue_.begin());
  if (!queue_.empty())
    ws_.async_write(net::buffer(*queue_.front()),
                    beast::bind_front_handler(&websocket_session::on_write,
                                              shared_from_this()));
}

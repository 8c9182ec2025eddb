#include "listener.hpp"
#include "http_session.hpp"

listener::listener(net::io_context &ioc, tcp::endpoint endpoint,
                   std::shared_ptr<shared_state> const &state)
    : ioc_(ioc), acceptor_(ioc), state_(state) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
}

void listener::run() {
  acceptor_.async_accept(net::make_strand(ioc_),
                         beast::bind_front_handler(&listener::on_accept,
                                                   shared_from_this()));
}

void listener::on_accept(beast::error_code ec, tcp::socket socket) {
  if (!ec)
    std::make_shared<http_session>(std::move(socket), state_)->run();
  acceptor_.async_accept(net::make_strand(ioc_),
                         beast::bind_front_handler(&listener::on_accept,
                                                   shared_from_this()));
}

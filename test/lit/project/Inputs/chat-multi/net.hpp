#ifndef CHAT_NET_HPP
#define CHAT_NET_HPP

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>

namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

#endif

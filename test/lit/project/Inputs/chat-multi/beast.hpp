// Beast's websocket-chat-multi example, reduced to what the checks look at
// (the real Debian Boost headers): see ../../chat-multi.test.
#ifndef CHAT_BEAST_HPP
#define CHAT_BEAST_HPP

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

#endif

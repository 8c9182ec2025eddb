// Declarations from Crow (github.com/CrowCpp/Crow, include/crow/*.h) as its
// headers declare them; the routing entry points keep the callable and do
// nothing else. The server accepts connections on standalone Asio as
// Crow's does (include/crow/http_server.h), in outline.
#pragma once
#ifndef ASIO_STANDALONE
#define ASIO_STANDALONE
#endif
#include <asio.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>

namespace crow {
struct request {
  std::string url;
  std::string body;
  std::string remote_ip_address;
};
struct response {
  response() = default;
  explicit response(int code) : code(code) {}
  response(std::string body) : body(std::move(body)) {}
  int code = 200;
  std::string body;
  void write(const std::string &text) { body += text; }
  void end() {}
};
namespace websocket {
struct connection {
  virtual void send_text(std::string msg) = 0;
  virtual ~connection() = default;
};
} // namespace websocket

enum class HTTPMethod { Get, Post, Put, Delete };

namespace black_magic {
constexpr uint64_t get_parameter_tag(const char *) { return 0; }
} // namespace black_magic

class BaseRule {
public:
  virtual ~BaseRule() = default;
};

template <typename T> struct RuleParameterTraits {
  using self_t = T;
  self_t &methods(HTTPMethod) { return static_cast<self_t &>(*this); }
  self_t &name(std::string) { return static_cast<self_t &>(*this); }
};

class WebSocketRule : public BaseRule {
  using self_t = WebSocketRule;

public:
  template <typename Func> self_t &onopen(Func f) {
    (void)f;
    return *this;
  }
  template <typename Func> self_t &onmessage(Func f) {
    (void)f;
    return *this;
  }
  template <typename Func> self_t &onclose(Func f) {
    (void)f;
    return *this;
  }
  template <typename Func> self_t &onerror(Func f) {
    (void)f;
    return *this;
  }
  template <typename Func> self_t &onaccept(Func f) {
    (void)f;
    return *this;
  }
};

template <typename... Args>
class TaggedRule : public BaseRule,
                   public RuleParameterTraits<TaggedRule<Args...>> {
public:
  template <typename App> WebSocketRule &websocket(App *) { return Rule; }
  template <typename Func> void operator()(Func &&f) { (void)f; }
  template <typename Func> void operator()(std::string name, Func &&f) {
    (void)name;
    (void)f;
  }

private:
  WebSocketRule Rule;
};

template <typename Handler> class Server {
public:
  Server(Handler *handler, std::uint16_t port)
      : acceptor_(io_context_, asio::ip::tcp::endpoint(asio::ip::tcp::v4(), port)),
        handler_(handler) {}
  void run() {
    do_accept();
    io_context_.run();
  }

private:
  void do_accept() {
    auto socket = std::make_shared<asio::ip::tcp::socket>(io_context_);
    acceptor_.async_accept(*socket, [this, socket](const asio::error_code &ec) {
      if (!ec)
        ++roundrobin_index_;
      do_accept();
    });
  }
  asio::io_context io_context_;
  asio::ip::tcp::acceptor acceptor_;
  Handler *handler_;
  unsigned roundrobin_index_ = 0;
};

template <typename... Middlewares> class Crow {
public:
  template <uint64_t Tag> TaggedRule<> &route(const std::string &rule) {
    (void)rule;
    return Rule;
  }
  Crow &port(std::uint16_t port) {
    port_ = port;
    return *this;
  }
  Crow &multithreaded() { return *this; }
  void run() {
    server_ = std::make_unique<Server<Crow>>(this, port_);
    server_->run();
  }

private:
  TaggedRule<> Rule;
  std::uint16_t port_ = 80;
  std::unique_ptr<Server<Crow>> server_;
};
using SimpleApp = Crow<>;
template <typename... Middlewares> using App = Crow<Middlewares...>;

// include/crow/middlewares/cookie_parser.h and session.h, in outline.
struct CookieParser {
  struct context {};
  void before_handle(request &, response &, context &) {}
  void after_handle(request &, response &, context &) {}
};
struct InMemoryStore {};
struct FileStore {
  FileStore(const std::string &folder) : path(folder) {}
  std::string path;
};
template <typename Store> struct SessionMiddleware {
  struct context {};
  template <typename... Ts> SessionMiddleware(Ts... ts) : store_(ts...) {}
  void before_handle(request &, response &, context &) {}
  void after_handle(request &, response &, context &) {}
  Store store_;
};
} // namespace crow

constexpr crow::HTTPMethod operator""_method(const char *, std::size_t) {
  return crow::HTTPMethod::Post;
}

#define CROW_ROUTE(app, url) \
  app.template route<crow::black_magic::get_parameter_tag(url)>(url)
#define CROW_WEBSOCKET_ROUTE(app, url) \
  app.route<crow::black_magic::get_parameter_tag(url)>(url) \
      .websocket<std::remove_reference<decltype(app)>::type>(&app)

// Declarations from Simple-Web-Server (gitlab.com/eidheim/Simple-Web-Server,
// server_http.hpp) as its header declares them; the networking is left out.
#pragma once
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <system_error>

namespace SimpleWeb {
using error_code = std::error_code;
struct HTTP {}; // stands for asio::ip::tcp::socket

template <class socket_type> class Server;

template <class socket_type> class ServerBase {
public:
  class Response : public std::ostream {
  public:
    Response() : std::ostream(nullptr) {}
    void write(const std::string &content) { (void)content; }
  };
  class Content : public std::istream {
  public:
    Content() : std::istream(nullptr) {}
    std::string string() { return {}; }
  };
  class Request {
  public:
    std::string method, path, query_string;
    Content content;
    std::smatch path_match;
  };

  class regex_orderable : public std::regex {
  public:
    std::string str;
    regex_orderable(const char *regex_cstr) : std::regex(regex_cstr), str(regex_cstr) {}
    regex_orderable(std::string regex_str) : std::regex(regex_str), str(std::move(regex_str)) {}
    bool operator<(const regex_orderable &rhs) const noexcept { return str < rhs.str; }
  };

  using Handler = std::function<void(std::shared_ptr<typename ServerBase<socket_type>::Response>,
                                     std::shared_ptr<typename ServerBase<socket_type>::Request>)>;
  std::map<regex_orderable, std::map<std::string, Handler>> resource;
  std::map<std::string, Handler> default_resource;
  std::function<void(std::shared_ptr<typename ServerBase<socket_type>::Request>,
                     const error_code &)> on_error;

  struct Config {
    unsigned short port = 80;
  } config;

  void start() {}
  virtual ~ServerBase() = default;
};

template <> class Server<HTTP> : public ServerBase<HTTP> {};
} // namespace SimpleWeb

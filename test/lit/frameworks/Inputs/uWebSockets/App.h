// Declarations from uWebSockets (github.com/uNetworking/uWebSockets,
// src/App.h) as its headers declare them; bodies are minimal.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>

struct us_listen_socket_t;

namespace ofats {
// uWebSockets' MoveOnlyFunction is ofats::any_invocable.
template <class Signature> class any_invocable;
template <class R, class... Args> class any_invocable<R(Args...)> {
public:
  template <class F> any_invocable(F &&f) : f_(std::forward<F>(f)) {}
  R operator()(Args... args) { return f_(std::forward<Args>(args)...); }

private:
  std::function<R(Args...)> f_;
};
} // namespace ofats

namespace uWS {
template <class T> using MoveOnlyFunction = ofats::any_invocable<T>;
enum OpCode : unsigned char { TEXT = 1, BINARY = 2 };

template <bool SSL> struct HttpResponse {
  HttpResponse *writeStatus(std::string_view) { return this; }
  void end(std::string_view = {}) {}
};
struct HttpRequest {
  std::string_view getUrl() { return {}; }
  std::string_view getParameter(unsigned short) { return {}; }
};
template <bool SSL, bool isServer, typename USERDATA> struct WebSocket {
  USERDATA *getUserData() { return nullptr; }
  bool send(std::string_view, OpCode = OpCode::BINARY) { return true; }
};

template <bool SSL> struct TemplatedApp {
  template <typename UserData> struct WebSocketBehavior {
    MoveOnlyFunction<void(WebSocket<SSL, true, UserData> *)> open = nullptr;
    MoveOnlyFunction<void(WebSocket<SSL, true, UserData> *, std::string_view, OpCode)> message = nullptr;
    MoveOnlyFunction<void(WebSocket<SSL, true, UserData> *, int, std::string_view)> close = nullptr;
  };

  TemplatedApp &&get(std::string pattern,
                     MoveOnlyFunction<void(HttpResponse<SSL> *, HttpRequest *)> &&handler) {
    (void)pattern; (void)handler;
    return std::move(*this);
  }
  TemplatedApp &&post(std::string pattern,
                      MoveOnlyFunction<void(HttpResponse<SSL> *, HttpRequest *)> &&handler) {
    (void)pattern; (void)handler;
    return std::move(*this);
  }
  template <typename UserData>
  TemplatedApp &&ws(std::string pattern, WebSocketBehavior<UserData> &&behavior) {
    (void)pattern; (void)behavior;
    return std::move(*this);
  }
  TemplatedApp &&listen(int port, MoveOnlyFunction<void(us_listen_socket_t *)> &&handler) {
    (void)port; (void)handler;
    return std::move(*this);
  }
  void run() {}
};
typedef TemplatedApp<false> App;
} // namespace uWS

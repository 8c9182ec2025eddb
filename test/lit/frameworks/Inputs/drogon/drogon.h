// Declarations from Drogon (github.com/drogonframework/drogon, lib/inc/drogon)
// and trantor as their headers declare them; bodies are minimal.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace trantor {
using TimerId = uint64_t;
class EventLoop {
public:
  using Func = std::function<void()>;
  TimerId runAfter(double delay, const Func &cb) { (void)delay; (void)cb; return 0; }
  TimerId runEvery(double interval, const Func &cb) { (void)interval; (void)cb; return 0; }
  void queueInLoop(const Func &cb) { (void)cb; }
};
} // namespace trantor

namespace drogon {
enum HttpMethod { Get = 0, Post, Head, Put, Delete, Options, Patch, Invalid };
enum HttpStatusCode { k200OK = 200, k201Created = 201, k404NotFound = 404 };

class HttpResponse;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;
class HttpResponse {
public:
  static HttpResponsePtr newHttpResponse() { return std::make_shared<HttpResponse>(); }
  void setBody(const std::string &body) { body_ = body; }
  void setStatusCode(HttpStatusCode code) { code_ = code; }

private:
  std::string body_;
  HttpStatusCode code_ = k200OK;
};

class HttpRequest {
public:
  const std::string &path() const { return path_; }
  const std::string &getParameter(const std::string &key) const { (void)key; return path_; }

private:
  std::string path_;
};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;

class HttpFile {
public:
  const std::string &getFileName() const { return name_; }
  int save() const;
  int save(const std::string &path) const;
  int saveAs(const std::string &fileName) const;

private:
  std::string name_;
};

class MultiPartParser {
public:
  int parse(const HttpRequestPtr &req);
  const std::vector<HttpFile> &getFiles() const { return files_; }

private:
  std::vector<HttpFile> files_;
};

enum class WebSocketMessageType { Text, Binary, Ping, Pong, Close, Unknown };
class WebSocketConnection {
public:
  virtual void send(const std::string &msg) = 0;
  virtual ~WebSocketConnection() = default;
};
using WebSocketConnectionPtr = std::shared_ptr<WebSocketConnection>;

namespace internal {
struct HttpConstraint {
  HttpConstraint(HttpMethod method) : method_(method) {}
  HttpConstraint(const char *filter) : filter_(filter) {}
  HttpMethod method_ = Invalid;
  std::string filter_;
};
} // namespace internal

class HttpAppFramework {
public:
  virtual ~HttpAppFramework() = default;
  template <typename FUNCTION>
  HttpAppFramework &registerHandler(
      const std::string &pathPattern, FUNCTION &&function,
      const std::vector<internal::HttpConstraint> &constraints =
          std::vector<internal::HttpConstraint>{},
      const std::string &handlerName = "") {
    (void)pathPattern; (void)function; (void)constraints; (void)handlerName;
    return *this;
  }
  virtual HttpAppFramework &addListener(const std::string &ip, uint16_t port) = 0;
  virtual HttpAppFramework &enableSession(const size_t timeout = 0) = 0;
  virtual trantor::EventLoop *getLoop() const = 0;
  virtual void run() = 0;
};
HttpAppFramework &app();

template <typename T, bool AutoCreation = true> class HttpController {
protected:
  template <typename FUNCTION>
  static void registerMethod(
      FUNCTION &&function, const std::string &pattern,
      const std::vector<internal::HttpConstraint> &filtersAndMethods =
          std::vector<internal::HttpConstraint>{},
      bool classPrefix = true, const std::string &handlerName = "") {
    (void)function; (void)pattern; (void)filtersAndMethods; (void)classPrefix;
    (void)handlerName;
  }
};

template <typename T, bool AutoCreation = true> class HttpSimpleController {
public:
  virtual void asyncHandleHttpRequest(
      const HttpRequestPtr &req,
      std::function<void(const HttpResponsePtr &)> &&callback) = 0;
  virtual ~HttpSimpleController() = default;
};

template <typename T, bool AutoCreation = true> class WebSocketController {
public:
  virtual void handleNewMessage(const WebSocketConnectionPtr &, std::string &&,
                                const WebSocketMessageType &) = 0;
  virtual void handleNewConnection(const HttpRequestPtr &,
                                   const WebSocketConnectionPtr &) = 0;
  virtual void handleConnectionClosed(const WebSocketConnectionPtr &) = 0;
  virtual ~WebSocketController() = default;
};
// lib/inc/drogon/plugins/Plugin.h and CacheMap.h, in outline.
class PluginBase {
public:
  virtual void initAndStart(const std::string &config) = 0;
  virtual void shutdown() = 0;
  virtual ~PluginBase() = default;
};
template <typename T> class Plugin : public PluginBase {};

template <typename T1, typename T2> class CacheMap {
public:
  explicit CacheMap(trantor::EventLoop *loop) : loop_(loop) {}
  void insert(const T1 &key, const T2 &value, size_t timeout = 0,
              std::function<void()> timeoutCallback = std::function<void()>()) {
    (void)key; (void)value; (void)timeout; (void)timeoutCallback;
  }
  void runAfter(size_t delay, std::function<void()> &&task) { (void)delay; (void)task; }

private:
  trantor::EventLoop *loop_;
};
} // namespace drogon

#define METHOD_LIST_BEGIN static void initPathRouting() {
#define METHOD_ADD(method, pattern, ...) \
  registerMethod(&method, pattern, {__VA_ARGS__}, true, #method)
#define METHOD_LIST_END \
  return;               \
  }

// Arguments of functions that forward them (std::make_shared,
// boost::make_shared, emplace_back) are judged by the constructor finally
// called: a `const &` or a pointer to const only reads.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%stateless_include
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++20 -I%stateless_include

#include <boost/asio/buffer.hpp>
#include <boost/make_shared.hpp>
#include <memory>
#include <stateless/annotations.h>
#include <string>
#include <vector>

struct Settings {
  int retries = 3;
};
struct Session {
  Session(int fd, std::shared_ptr<Settings> const &settings) : fd(fd), settings(settings) {}
  int fd;
  std::shared_ptr<Settings> settings;
};
struct Counted {
  explicit Counted(int &counter) { ++counter; }
};
std::shared_ptr<Settings> settings = std::make_shared<Settings>();
int sessions_opened;
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'sessions_opened' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+8]]:3: note: 'sessions_opened' is modified here
// CHECK-NOTES: :[[@LINE+2]]:24: note: reached from handler 'accept', marked STATELESS_HANDLER

STATELESS_HANDLER void accept(int fd) {
  // Copied into the session through the forwarding chain: read only.
  auto a = std::make_shared<Session>(fd, settings);
  auto b = boost::make_shared<Session>(fd, settings);
  // Bound to the constructor's `int &`: written.
  boost::make_shared<Counted>(sessions_opened);
}

// A pointer handed on to a constructor taking a pointer to const.
STATELESS_HANDLER std::vector<boost::asio::const_buffer> frame(const std::string &body) {
  static std::string tag = "x-frame";
  std::vector<boost::asio::const_buffer> buffers;
  buffers.emplace_back(tag.data(), tag.size());
  buffers.emplace_back(body.data(), body.size());
  return buffers;
}

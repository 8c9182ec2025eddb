// Scheduled jobs of the instance are reported wherever they are armed, start-up
// included: a timer its own completion handler arms again, a thread that
// loops with a sleep, a periodic libuv timer, start-up code's own sleep loop.
// Not: a thread that runs an event loop, a loop that sleeps for no time (a
// yield) or waits for input between its sleeps (it serves what arrives), a
// one-shot timer armed at start-up, a deadline a per-connection object arms
// to close its connection.
// RUN: %check_stateless %s stateless-instance-timer %t -- -std=c++17 -pthread -I%stateless_include

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <atomic>
#include <chrono>
#include <iostream>
#include <memory>
#include <stateless/annotations.h>
#include <thread>
#include <uv.h>

namespace net = boost::asio;
using namespace std::chrono_literals;

class Cleaner {
public:
  explicit Cleaner(net::io_context &io) : timer_(io) {}
  void schedule() {
    timer_.expires_after(1min);
    timer_.async_wait([this](const boost::system::error_code &) {
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'boost::asio::basic_waitable_timer::async_wait' arms a timer that its completion handler arms again: a scheduled job of this instance, run by every instance and stopped with it; run it from an external scheduler (a cron job, a queue's scheduled messages) [stateless-instance-timer]
      purge();
      schedule();
    });
  }

private:
  void purge() {}
  net::steady_timer timer_;
};

std::atomic<bool> stopping{false};
void refresh_rates() {}

void start_jobs(net::io_context &io, uv_loop_t *loop) {
  std::thread([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::thread' starts a thread that loops with a sleep: a scheduled job of this instance
    while (!stopping) {
      refresh_rates();
      std::this_thread::sleep_for(5min);
    }
  }).detach();
  // A synchronous wait on a timer is a sleep.
  std::thread([&io] {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::thread' starts a thread that loops with a sleep: a scheduled job of this instance
    while (!stopping) {
      net::steady_timer period(io, 330s);
      period.wait();
      refresh_rates();
    }
  }).detach();
  static uv_timer_t report;
  uv_timer_init(loop, &report);
  uv_timer_start(&report, [](uv_timer_t *) {}, 0, 60000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'uv_timer_start' arms a periodic libuv timer: a scheduled job of this instance
  // Not scheduled jobs: the event loop's thread, a one-shot timer.
  std::thread([&io] { io.run(); }).join();
  std::thread([] {
    while (!stopping)
      std::this_thread::sleep_for(0ms);
  }).detach();
  std::thread([] {
    std::string line;
    while (!stopping) {
      std::getline(std::cin, line);
      std::this_thread::sleep_for(100ms);
    }
  }).detach();
  static net::steady_timer warm_up(io);
  warm_up.expires_after(10s);
  warm_up.async_wait([](const boost::system::error_code &) { refresh_rates(); });
  static uv_timer_t once;
  uv_timer_start(&once, [](uv_timer_t *) {}, 1000, 0);
}

// A deadline of a per-connection object that only closes its connection.
class Connection : public std::enable_shared_from_this<Connection> {
public:
  explicit Connection(net::io_context &io) : socket_(io), deadline_(io) {}
  void start() {
    deadline_.expires_after(30s);
    deadline_.async_wait([self = shared_from_this()](const boost::system::error_code &) {
      self->socket_.close();
    });
  }

private:
  net::ip::tcp::socket socket_;
  net::steady_timer deadline_;
};

STATELESS_HANDLER void on_accept(net::io_context &io) {
  std::make_shared<Connection>(io)->start();
}

int main() {
  net::io_context io;
  Cleaner cleaner(io);
  cleaner.schedule();
  start_jobs(io, uv_default_loop());
  std::thread([&io] { io.run(); }).detach();
  while (!stopping) {
    refresh_rates();
    std::this_thread::sleep_for(1h);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' sleeps in a loop that runs until stopped: a scheduled job of this instance
  }
}

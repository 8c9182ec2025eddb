// Timers, scheduled jobs and background threads armed while serving a
// request; one finding per timer object; request-scoped work is fine.
// RUN: %check_stateless %s stateless-instance-timer %t -- -std=c++17 -pthread -I%stateless_include
// RUN: %check_stateless --check-suffixes=ALL --check-option=Scope=all %s stateless-instance-timer %t -- -std=c++17 -pthread -I%stateless_include

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <event2/event.h>
#include <future>
#include <pthread.h>
#include <signal.h>
#include <stateless/annotations.h>
#include <sys/time.h>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <uv.h>

boost::asio::io_context io;
boost::asio::steady_timer expiry(io);

STATELESS_HANDLER void asio_timers() {
  expiry.expires_after(std::chrono::minutes(30));
  expiry.async_wait([](const boost::system::error_code &) {});
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'boost::asio::basic_waitable_timer::async_wait' arms a timer in this instance while serving a request: the job runs on this instance only and is lost when it stops; use an external scheduler or a job queue [stateless-instance-timer]
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:10: warning: 'boost::asio::basic_waitable_timer::async_wait' arms a timer in this instance while serving a request
  expiry.async_wait([](const boost::system::error_code &) {}); // the same timer
  boost::asio::steady_timer local(io, std::chrono::seconds(1));
  local.wait(); // waits within the request: not armed for later
}

void *worker(void *) { return nullptr; }

STATELESS_HANDLER void threads() {
  std::thread([] {}).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'std::thread::detach' detaches a background thread in this instance while serving a request
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:22: warning: 'std::thread::detach' detaches a background thread
  std::thread joined([] {});
  joined.join(); // finishes within the request
  auto answer = std::async(std::launch::async, [] { return 42; });
  answer.get(); // request-scoped
  pthread_t thread;
  pthread_create(&thread, nullptr, worker, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pthread_create' starts a background thread
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'pthread_create' starts a background thread
}

// A detached thread whose result the request waits for (through the future
// of the promise or task it is handed) ends with the request; one whose
// future nothing waits on, or one that loops with a sleep, does not.
void send_part(std::promise<int> &done) { done.set_value(1); }
void poll_upstream();
void flush_logs();
void keep_polling(std::promise<int> &ready) {
  ready.set_value(1);
  for (;;) {
    std::this_thread::sleep_for(std::chrono::seconds(5));
    poll_upstream();
  }
}
STATELESS_HANDLER int awaited_threads() {
  std::promise<int> sent;
  std::future<int> reply = sent.get_future();
  std::thread fan_out(send_part, std::ref(sent));
  fan_out.detach();
  std::packaged_task<int()> task([] { return 2; });
  auto result = task.get_future();
  std::thread(std::move(task)).detach();
  std::promise<int> ignored;
  std::thread unawaited(send_part, std::ref(ignored));
  unawaited.detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'std::thread::detach' detaches a background thread in this instance while serving a request
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:13: warning: 'std::thread::detach' detaches a background thread
  std::promise<int> ready;
  std::thread poller(keep_polling, std::ref(ready));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::thread' starts a thread that loops with a sleep while serving a request
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:15: warning: 'std::thread' starts a thread that loops with a sleep
  poller.detach();
  ready.get_future().wait();
  // Made and detached in one expression: one thread, one finding.
  std::thread([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::thread' starts a thread that loops with a sleep while serving a request
    // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'std::thread' starts a thread that loops with a sleep
    while (true) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
      poll_upstream();
    }
  }).detach();
  return reply.get() + result.get();
}

STATELESS_HANDLER void posix_timers() {
  timer_t timer;
  timer_create(CLOCK_MONOTONIC, nullptr, &timer);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'timer_create' creates a POSIX timer
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'timer_create' creates a POSIX timer
  alarm(30);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'alarm' arms the process's alarm
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'alarm' arms the process's alarm
  itimerval interval{};
  setitimer(ITIMER_REAL, &interval, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'setitimer' arms the process's interval timer
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'setitimer' arms the process's interval timer
}

STATELESS_HANDLER void event_loops(uv_loop_t *loop, event_base *base) {
  static uv_timer_t reminder;
  uv_timer_init(loop, &reminder);
  uv_timer_start(&reminder, [](uv_timer_t *) {}, 1000, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'uv_timer_start' arms a libuv timer in this instance while serving a request
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'uv_timer_start' arms a libuv timer in this instance while serving a request
  evtimer_new(base, [](evutil_socket_t, short, void *) {}, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'event_new' creates a libevent timer
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'event_new' creates a libevent timer
  event_new(base, 5, EV_READ, [](evutil_socket_t, short, void *) {}, nullptr); // I/O, not a timer
}

// A legitimate timer, annotated where it is declared.
STATELESS_ALLOW(metrics, "flushes the metrics buffer; a lost flush costs one sample")
boost::asio::steady_timer flush_timer(io);
STATELESS_HANDLER void flush_soon() {
  flush_timer.async_wait([](const boost::system::error_code &) {});
}

// Only Scope 'all' reports code no handler reaches; start-up code never.
void background_cleanup() { std::thread([] {}).detach(); }
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:48: warning: 'std::thread::detach' detaches a background thread in this instance: the job runs on this instance only and is lost when it stops; use an external scheduler or a job queue [stateless-instance-timer]
void start_scheduler() { std::thread([] {}).detach(); }
int main() { start_scheduler(); }

// A thread handed a client's connection serves that client and ends with
// it: its detach is no background job. One that is not handed one is.
STATELESS_HANDLER void on_log_client(std::shared_ptr<boost::asio::ip::tcp::socket> socket) {
  std::thread([socket] {
    char buffer[1024];
    boost::system::error_code error;
    while (!error)
      socket->read_some(boost::asio::buffer(buffer), error);
  }).detach();
  boost::asio::ip::tcp::socket moved(std::move(*socket));
  std::thread([](boost::asio::ip::tcp::socket client) { client.close(); },
              std::move(moved)).detach();
  std::thread([] { flush_logs(); }).detach();
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'std::thread::detach' detaches a background thread in this instance while serving a request
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:37: warning: 'std::thread::detach' detaches a background thread
}

// Loops that sleep without being a schedule: one that does nothing but sleep
// until it is stopped (it keeps a thread or a connection open), a worker
// that sleeps only while its queue is empty (it serves what arrives), and a
// watchdog whose timed wait ends the loop when it times out (it waits for
// notifications, each before a deadline); one that ends when notified runs
// a job each time the wait times out: a schedule. A
// thread that loops with a sleep is one finding, where it starts, however
// it is detached later.
// RUN: %check_stateless %s stateless-instance-timer %t -- -std=c++17 -pthread -I%stateless_include

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <queue>
#include <stateless/annotations.h>
#include <string>
#include <thread>

using namespace std::chrono_literals;

std::atomic<bool> running{true};

void keep_connection_open() {
  while (running)
    std::this_thread::sleep_for(1ms);
}

void keep_alive_in_braces() {
  while (running) {
    std::this_thread::sleep_for(100ms);
  }
}

std::mutex jobs_lock;
std::queue<std::function<void()>> jobs;

void drain_jobs() {
  while (running) {
    std::unique_lock<std::mutex> lock(jobs_lock);
    if (jobs.empty()) {
      lock.unlock();
      std::this_thread::sleep_for(10ms);
      continue;
    }
    auto job = std::move(jobs.front());
    jobs.pop();
    lock.unlock();
    job();
  }
}

std::deque<std::string> outbox;

void send_when_ready() {
  while (running) {
    if (outbox.size() == 0)
      std::this_thread::sleep_for(5ms);
    else
      outbox.pop_front();
  }
}

void flush_every_second() {
  while (running) {
    std::this_thread::sleep_for(1s);
    outbox.clear();
  }
}

// A sleep outside the test of the queue paces the work: a schedule.
void pace_outbox() {
  while (running) {
    if (!outbox.empty())
      outbox.pop_front();
    std::this_thread::sleep_for(1s);
  }
}

class Watchdog {
public:
  void wait_for_silence() {
    while (true) {
      std::unique_lock<std::mutex> lock(lock_);
      auto heard = beat_.wait_for(lock, timeout_, [this] { return heard_; });
      timeout_ = 1s;
      if (heard == true) {
        heard_ = false;
      } else {
        return;
      }
    }
  }
  void wait_for_peer() {
    for (;;) {
      std::unique_lock<std::mutex> lock(lock_);
      if (beat_.wait_for(lock, 2s) == std::cv_status::timeout)
        break;
      heard_ = false;
    }
  }
  void flush_until_stopped() {
    while (true) {
      std::unique_lock<std::mutex> lock(lock_);
      if (beat_.wait_for(lock, 5s, [this] { return stopped_; }))
        return;
      outbox.clear();
    }
  }

private:
  std::mutex lock_;
  std::condition_variable beat_;
  bool heard_ = false;
  bool stopped_ = false;
  std::chrono::seconds timeout_ = 3s;
};

STATELESS_HANDLER void start_game() {
  std::thread ticker([] {
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::thread' starts a thread that loops with a sleep while serving a request: a scheduled job of this instance, run by every instance and stopped with it; run it from an external scheduler (a cron job, a queue's scheduled messages) [stateless-instance-timer]
    for (;;) {
      std::this_thread::sleep_for(1s);
      outbox.emplace_back("tick");
    }
  });
  ticker.detach();
}

int main() {
  std::thread(keep_connection_open).detach();
  std::thread(keep_alive_in_braces).detach();
  std::thread(drain_jobs).detach();
  std::thread(send_when_ready).detach();
  std::thread flusher(flush_every_second);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::thread' starts a thread that loops with a sleep: a scheduled job of this instance, run by every instance and stopped with it; run it from an external scheduler (a cron job, a queue's scheduled messages) [stateless-instance-timer]
  flusher.detach();
  std::thread pacer(pace_outbox);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::thread' starts a thread that loops with a sleep: a scheduled job of this instance, run by every instance and stopped with it; run it from an external scheduler (a cron job, a queue's scheduled messages) [stateless-instance-timer]
  pacer.join();
  Watchdog watchdog;
  std::thread silence([&] { watchdog.wait_for_silence(); });
  std::thread peer([&] { watchdog.wait_for_peer(); });
  std::thread flush([&] { watchdog.flush_until_stopped(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'std::thread' starts a thread that loops with a sleep: a scheduled job of this instance, run by every instance and stopped with it; run it from an external scheduler (a cron job, a queue's scheduled messages) [stateless-instance-timer]
  silence.join();
  peer.join();
  flush.join();
}

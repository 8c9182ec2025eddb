// Work that request code queues for a worker thread: the queue is state of
// this instance (queued jobs die with it), and what the queued work does,
// a file write here, is done for the request. httplib is the real Debian
// header.
// RUN: %check_stateless %s stateless-mutable-global,stateless-local-fs-write %t -- -std=c++17 -pthread
#include <condition_variable>
#include <deque>
#include <fstream>
#include <functional>
#include <httplib.h>
#include <mutex>
#include <thread>

std::mutex lock;
std::condition_variable ready;
std::deque<std::function<void()>> jobs;
// CHECK-NOTES: :[[@LINE-1]]:35: warning: global variable 'jobs' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+19]]:5: note: 'jobs' is modified here
// CHECK-NOTES: :[[@LINE+15]]:10: note: reached from handler 'POST /thumbnail' (a lambda) registered here with 'httplib::Server::Post'
void worker() {
  for (;;) {
    std::unique_lock<std::mutex> guard(lock);
    ready.wait(guard, [] { return !jobs.empty(); });
    auto job = std::move(jobs.front());
    jobs.pop_front();
    guard.unlock();
    job();
  }
}

int main() {
  std::thread(worker).detach();
  httplib::Server server;
  server.Post("/thumbnail", [](const httplib::Request &req, httplib::Response &) {
    std::string body = req.body;
    std::lock_guard<std::mutex> guard(lock);
    jobs.push_back([body] { std::ofstream("/var/cache/thumbs/last.png") << body; });
    // CHECK-NOTES: :[[@LINE-1]]:29: warning: 'std::ofstream' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
    // CHECK-NOTES: :[[@LINE-5]]:10: note: reached from handler 'POST /thumbnail' (a lambda) registered here with 'httplib::Server::Post'
    // CHECK-NOTES: :[[@LINE-3]]:20: note: via the lambda created here
    ready.notify_one();
  });
  server.listen("0.0.0.0", 8080);
}

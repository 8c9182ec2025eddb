// Synchronisation primitives, random number generators and the objects that
// run the service (event loops, servers, timers, threads) carry no
// application data: using them is not state.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -pthread

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <httplib.h>
#include <thread>
#include <condition_variable>
#include <mutex>
#include <pthread.h>
#include <random>
#include <shared_mutex>

std::mutex mu;
std::recursive_mutex rmu;
std::shared_mutex smu;
std::once_flag init_once;
std::condition_variable cv;
std::atomic_flag spin = ATOMIC_FLAG_INIT;
pthread_mutex_t pmu = PTHREAD_MUTEX_INITIALIZER;
std::mt19937 engine;
std::mt19937_64 engine64{42};
std::default_random_engine default_engine;
std::uniform_int_distribution<int> dice(1, 6);
std::normal_distribution<double> noise;
std::random_device entropy;
std::mutex locks[4];

int roll() {
  std::lock_guard<std::mutex> guard(mu);
  std::unique_lock<std::shared_mutex> writer(smu);
  rmu.lock();
  rmu.unlock();
  std::call_once(init_once, [] {});
  cv.notify_all();
  while (spin.test_and_set()) {
  }
  spin.clear();
  pthread_mutex_lock(&pmu);
  pthread_mutex_unlock(&pmu);
  locks[1].lock();
  engine.seed(entropy());
  return dice(engine) + int(noise(engine64)) + int(default_engine());
}

boost::asio::io_context io;
boost::asio::steady_timer retry_timer(io);
httplib::Server server;
std::thread worker;
// What keeps an event loop running, however held.
std::shared_ptr<boost::asio::io_context::work> keep_running;
boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard =
    boost::asio::make_work_guard(io);

void serve() {
  keep_running.reset(new boost::asio::io_context::work(io));
  guard.reset();
  boost::asio::post(io, [] {});
  retry_timer.expires_after(std::chrono::seconds(1));
  server.stop();
  if (worker.joinable())
    worker.join();
}

// An atomic counter is not a lock: it is state.
std::atomic<int> in_flight;
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: global variable 'in_flight' is modified after start-up
void enter() { in_flight++; }

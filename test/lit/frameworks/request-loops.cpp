// Servers without a framework's registration: a loop that blocks until the
// next connection arrives and serves it (the real Debian Boost and POSIX
// headers), in the shape of Beast's http_server_sync example (a thread per
// accepted connection) and of a plain socket server. What such a loop runs
// after the wait, calls and the threads it starts, serves requests; what it
// did before is start-up.
// RUN: %check_stateless %s stateless-mutable-global,stateless-static-session-map,stateless-instance-timer %t -- -std=c++17

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

std::vector<std::string> visited_targets;
// CHECK-NOTES: :[[@LINE-1]]:26: warning: global variable 'visited_targets' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+19]]:3: note: 'visited_targets' is modified here
// CHECK-NOTES: :[[@LINE+40]]:17: note: reached from handler 'do_session', run here by a loop that serves what 'boost::asio::basic_socket_acceptor::accept' waits for
long clients_served;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'clients_served' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+25]]:3: note: 'clients_served' is modified here
// CHECK-NOTES: :[[@LINE+62]]:5: note: reached from handler 'serve_client', run here by a loop that serves what 'accept' waits for

// Set by main() before it waits for the first connection: start-up.
int listening_socket = -1;
// Set by a thread that runs a request loop of its own: such a loop may
// serve requests in its own statements, so its thread stays a thread.
unsigned short http_port;
// CHECK-NOTES: :[[@LINE-1]]:16: warning: global variable 'http_port' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+23]]:3: note: 'http_port' is modified here

void do_session(tcp::socket socket) {
  beast::flat_buffer buffer;
  http::request<http::string_body> request;
  http::read(socket, buffer, request);
  visited_targets.emplace_back(request.target());
  http::response<http::string_body> response{http::status::ok, request.version()};
  response.body() = "ok";
  response.prepare_payload();
  http::write(socket, response);
}

void serve_client(int client) {
  char request[512];
  ::read(client, request, sizeof request);
  ++clients_served;
  ::close(client);
}

// A thread per accepted connection serves that connection and ends: its
// detach is no background job.
void run_http(net::io_context &ioc) {
  http_port = 8080;
  tcp::acceptor acceptor{ioc, {tcp::v4(), http_port}};
  for (;;) {
    tcp::socket socket{ioc};
    acceptor.accept(socket);
    std::thread{&do_session, std::move(socket)}.detach();
  }
}

// A thread started before the loop is judged as any thread: this one
// loops with a sleep, a scheduled job.
void report_every_minute() {
  for (;;) {
    std::this_thread::sleep_for(std::chrono::minutes(1));
    std::printf("%ld clients\n", clients_served);
  }
}

int main() {
  net::io_context ioc{1};
  std::thread{&report_every_minute}.detach();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'std::thread' starts a thread that loops with a sleep: a scheduled job of this instance, run by every instance and stopped with it; run it from an external scheduler (a cron job, a queue's scheduled messages) [stateless-instance-timer]
  std::thread{[&ioc] { run_http(ioc); }}.detach();
  listening_socket = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(9090);
  ::bind(listening_socket, reinterpret_cast<sockaddr *>(&address), sizeof address);
  ::listen(listening_socket, 16);
  while (true) {
    int client = ::accept(listening_socket, nullptr, nullptr);
    serve_client(client);
  }
}

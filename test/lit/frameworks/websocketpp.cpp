// A websocketpp server (the real Debian <websocketpp/...> headers on
// Boost.Asio): handlers bound with websocketpp::lib::bind.
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17

#include <websocketpp/config/asio_no_tls.hpp>
#include <websocketpp/server.hpp>

#include <set>
#include <string>

using server = websocketpp::server<websocketpp::config::asio>;
using websocketpp::connection_hdl;
using websocketpp::lib::bind;
using websocketpp::lib::placeholders::_1;
using websocketpp::lib::placeholders::_2;

std::set<connection_hdl, std::owner_less<connection_hdl>> connections;
// CHECK-NOTES: :[[@LINE-1]]:59: warning: global container 'connections' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+7]]:36: note: 'connections' is modified here
// CHECK-NOTES: :[[@LINE+24]]:8: note: reached from handler 'on_open' registered here with 'websocketpp::endpoint::set_open_handler'
unsigned long messages_seen;
// CHECK-NOTES: :[[@LINE-1]]:15: warning: global variable 'messages_seen' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+7]]:3: note: 'messages_seen' is modified here
// CHECK-NOTES: :[[@LINE+22]]:8: note: reached from handler 'on_message' registered here with 'websocketpp::endpoint::set_message_handler'

void on_open(connection_hdl hdl) { connections.insert(hdl); }
void on_close(connection_hdl hdl) { connections.erase(hdl); }

void on_message(server *s, connection_hdl hdl, server::message_ptr msg) {
  ++messages_seen;
  for (const connection_hdl &peer : connections) // broadcast: a read
    s->send(peer, msg->get_payload(), msg->get_opcode());
  if (msg->get_payload() == "remind me")
    s->set_timer(60000, [s, hdl](const websocketpp::lib::error_code &) {
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'websocketpp::transport::asio::endpoint::set_timer' arms a timer in this instance while serving a request: the job runs on this instance only and is lost when it stops; use an external scheduler or a job queue [stateless-instance-timer]
    // CHECK-NOTES: :[[@LINE+10]]:8: note: reached from handler 'on_message' registered here with 'websocketpp::endpoint::set_message_handler'
      s->send(hdl, "reminder", websocketpp::frame::opcode::text);
    });
}

int main() {
  server echo;
  echo.init_asio();
  echo.set_open_handler(&on_open);
  echo.set_close_handler(&on_close);
  echo.set_message_handler(bind(&on_message, &echo, ::_1, ::_2));
  echo.listen(9002);
  echo.start_accept();
  echo.run();
}

// websocketpp's broadcast_server example, reduced (the real Debian
// <websocketpp/...> headers): handlers bound to member functions, a thread
// that processes the actions they queue.
// RUN: %check_stateless %s stateless-handler-member-state %t -- -std=c++17 -pthread
// RUN: %check_stateless --check-suffixes=HANDLERS --check-option=Scope=handlers %s stateless-handler-member-state %t -- -std=c++17 -pthread

#include <websocketpp/config/asio_no_tls.hpp>
#include <websocketpp/server.hpp>

#include <condition_variable>
#include <mutex>
#include <queue>
#include <set>
#include <thread>

using server = websocketpp::server<websocketpp::config::asio>;
using websocketpp::connection_hdl;
using websocketpp::lib::bind;
using websocketpp::lib::placeholders::_1;
using websocketpp::lib::placeholders::_2;

enum action_type { SUBSCRIBE, UNSUBSCRIBE, MESSAGE };
struct action {
  action(action_type t, connection_hdl h) : type(t), hdl(h) {}
  action(action_type t, server::message_ptr m) : type(t), msg(m) {}
  action_type type;
  connection_hdl hdl;
  server::message_ptr msg;
};

class broadcast_server {
public:
  broadcast_server() {
    m_server.init_asio();
    m_server.set_open_handler(bind(&broadcast_server::on_open, this, ::_1));
    m_server.set_close_handler(bind(&broadcast_server::on_close, this, ::_1));
    m_server.set_message_handler(bind(&broadcast_server::on_message, this, ::_1, ::_2));
  }

  void run(uint16_t port) {
    m_server.listen(port);
    m_server.start_accept();
    m_server.run();
  }

  void on_open(connection_hdl hdl) {
    {
      std::lock_guard<std::mutex> guard(m_action_lock);
      m_actions.push(action(SUBSCRIBE, hdl));
    }
    m_action_cond.notify_one();
  }
  void on_close(connection_hdl hdl) {
    {
      std::lock_guard<std::mutex> guard(m_action_lock);
      m_actions.push(action(UNSUBSCRIBE, hdl));
    }
    m_action_cond.notify_one();
  }
  void on_message(connection_hdl, server::message_ptr msg) {
    {
      std::lock_guard<std::mutex> guard(m_action_lock);
      m_actions.push(action(MESSAGE, msg));
    }
    m_action_cond.notify_one();
  }

  void process_messages() {
    while (true) {
      std::unique_lock<std::mutex> lock(m_action_lock);
      while (m_actions.empty())
        m_action_cond.wait(lock);
      action a = m_actions.front();
      m_actions.pop();
      lock.unlock();
      if (a.type == SUBSCRIBE) {
        std::lock_guard<std::mutex> guard(m_connection_lock);
        m_connections.insert(a.hdl);
      } else if (a.type == MESSAGE) {
        std::lock_guard<std::mutex> guard(m_connection_lock);
        for (const connection_hdl &hdl : m_connections)
          m_server.send(hdl, a.msg);
      }
    }
  }

private:
  using con_list = std::set<connection_hdl, std::owner_less<connection_hdl>>;
  server m_server;
  con_list m_connections;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: member 'broadcast_server::m_connections' of a long-lived handler object is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-handler-member-state]
  std::queue<action> m_actions;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: member 'broadcast_server::m_actions' of a long-lived handler object is modified while serving requests: its value is per-instance and lost on restart [stateless-handler-member-state]
  // CHECK-MESSAGES-HANDLERS: :[[@LINE-2]]:22: warning: member 'broadcast_server::m_actions' of a long-lived handler object is modified while serving requests
  std::mutex m_action_lock;
  std::mutex m_connection_lock;
  std::condition_variable m_action_cond;
};

int main() {
  broadcast_server server_instance;
  std::thread t(bind(&broadcast_server::process_messages, &server_instance));
  server_instance.run(9002);
  t.join();
}

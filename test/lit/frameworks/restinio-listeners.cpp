// RESTinio (the real Debian <restinio/...> headers): the objects given to
// the server settings' connection_state_listener and ip_blocker serve
// connections: their state_changed and inspect are request code.
// RUN: %check_stateless %s stateless-static-session-map %t -- -std=c++17

#include <restinio/all.hpp>

#include <map>
#include <memory>
#include <set>
#include <string>

std::set<restinio::connection_id_t> open_connections;
// CHECK-NOTES: :[[@LINE-1]]:37: warning: global container 'open_connections' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+9]]:5: note: 'open_connections' is modified here
// CHECK-NOTES: :[[@LINE+28]]:22: note: reached from handler 'connection_tracker::state_changed' registered here with 'restinio::basic_server_settings_t::connection_state_listener'
std::map<std::string, int> attempts_by_ip;
// CHECK-NOTES: :[[@LINE-1]]:28: warning: global container 'attempts_by_ip' is modified after start-up
// CHECK-NOTES: :[[@LINE+12]]:5: note: 'attempts_by_ip' is modified here
// CHECK-NOTES: :[[@LINE+25]]:22: note: reached from handler 'blocker::inspect' registered here with 'restinio::basic_server_settings_t::ip_blocker'

struct connection_tracker {
  void state_changed(const restinio::connection_state::notice_t &notice) noexcept {
    open_connections.insert(notice.connection_id());
  }
};

struct blocker {
  restinio::ip_blocker::inspection_result_t
  inspect(const restinio::ip_blocker::incoming_info_t &info) noexcept {
    ++attempts_by_ip[info.remote_endpoint().address().to_string()];
    return restinio::ip_blocker::allow();
  }
};

struct traits_t : public restinio::default_traits_t {
  using connection_state_listener_t = connection_tracker;
  using ip_blocker_t = blocker;
};

int main() {
  restinio::run(restinio::on_this_thread<traits_t>()
                    .port(8080)
                    .connection_state_listener(std::make_shared<connection_tracker>())
                    .ip_blocker(std::make_shared<blocker>())
                    .request_handler([](auto req) {
                      return req->create_response().set_body("hi").done();
                    }));
}

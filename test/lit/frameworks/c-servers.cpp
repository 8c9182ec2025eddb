// C servers that register callbacks rather than routes (the real Debian
// headers of libmicrohttpd and libevent): the access handler given to
// MHD_start_daemon and the callbacks given to evhttp_set_cb and
// evhttp_set_gencb serve requests, though start-up code hands them over;
// what start-up code does itself is not request code.
// RUN: %check_stateless %s stateless-mutable-global,stateless-static-session-map %t -- -std=c++17

#include <event2/event.h>
#include <event2/http.h>
#include <microhttpd.h>

#include <map>
#include <string>

std::map<std::string, std::string> sessions;
// CHECK-NOTES: :[[@LINE-1]]:36: warning: global container 'sessions' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+11]]:3: note: 'sessions' is modified here
// CHECK-NOTES: :[[@LINE+35]]:24: note: reached from handler 'answer_to_connection' registered here with 'MHD_start_daemon'
long pages_served;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'pages_served' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+20]]:3: note: 'pages_served' is modified here
// CHECK-NOTES: :[[@LINE+35]]:3: note: reached from handler 'serve_page' registered here with 'evhttp_set_cb'
int port = 8080; // set by main() before the daemon starts: start-up

MHD_Result answer_to_connection(void *, MHD_Connection *connection, const char *url,
                                const char *, const char *, const char *, size_t *,
                                void **) {
  sessions[url] = "seen";
  MHD_Response *response = MHD_create_response_from_buffer(0, nullptr, MHD_RESPMEM_PERSISTENT);
  MHD_Result result = MHD_queue_response(connection, MHD_HTTP_OK, response);
  MHD_destroy_response(response);
  return result;
}

long not_found;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'not_found' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+9]]:3: note: 'not_found' is modified here
// CHECK-NOTES: :[[@LINE+20]]:3: note: reached from handler 'serve_missing' registered here with 'evhttp_set_gencb'

void serve_page(evhttp_request *request, void *) {
  ++pages_served;
  evhttp_send_reply(request, HTTP_OK, "OK", nullptr);
}

void serve_missing(evhttp_request *request, void *) {
  ++not_found;
  evhttp_send_error(request, HTTP_NOTFOUND, nullptr);
}

int main(int argc, char **) {
  if (argc > 1)
    port = 9090;
  MHD_Daemon *daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD, port, nullptr,
                                        nullptr, &answer_to_connection, nullptr, MHD_OPTION_END);
  event_base *base = event_base_new();
  evhttp *http = evhttp_new(base);
  evhttp_set_cb(http, "/page", serve_page, nullptr);
  evhttp_set_gencb(http, serve_missing, nullptr);
  evhttp_bind_socket(http, "0.0.0.0", 8081);
  event_base_dispatch(base);
  MHD_stop_daemon(daemon);
}

#include "chat.h"
#include "router.h"

void login(const httplib::Request &, httplib::Response &);
void post_message(const httplib::Request &, httplib::Response &);
void ping(const httplib::Request &, httplib::Response &);
void append_journal(const std::string &);
void warm_up();
void at_start(void (*step)()) { step(); }

Chat chat;

int main() {
  Router router;
  router.post("/login", login);
  router.post("/message", post_message);
  router.post("/ping", ping);
  chat.set_sink(append_journal);
  at_start(warm_up);
  router.run(8080);
}

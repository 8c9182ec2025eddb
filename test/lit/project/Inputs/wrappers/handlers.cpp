#include "chat.h"
#include <httplib.h>
#include <string>
#include <vector>

extern Chat chat;
long logins = 0;
void login(const httplib::Request &, httplib::Response &) { ++logins; }
void post_message(const httplib::Request &req, httplib::Response &) { chat.on_message(req.body); }
void ping(const httplib::Request &, httplib::Response &) {}

std::vector<std::string> journal;
void append_journal(const std::string &text) { journal.push_back(text); }

long warmed = 0;
void warm_up() { ++warmed; }

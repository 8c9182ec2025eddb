#pragma once
#include "sessions.h"

#include <httplib.h>

namespace shop {
void login(const httplib::Request &req, httplib::Response &res);
void add_to_cart(const httplib::Request &req, httplib::Response &res);
void upload(const httplib::Request &req, httplib::Response &res);
} // namespace shop

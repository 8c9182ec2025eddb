#pragma once
#include <httplib.h>

void list_items(const httplib::Request &req, httplib::Response &res);
void add_item(const httplib::Request &req, httplib::Response &res);

#pragma once
#include <string>

// What the handlers of both services call: defined in store.cpp.
void remember(const std::string &user);
void save_upload(const std::string &path, const std::string &body);
void schedule_report();

#include "store.h"

#include <fstream>
#include <thread>
#include <vector>

std::vector<std::string> recent_users;

void remember(const std::string &user) { recent_users.push_back(user); }

void save_upload(const std::string &path, const std::string &body) {
  std::ofstream(path) << body;
}

void schedule_report() {
  std::thread([] {}).detach();
}

// What creates, modifies, moves or deletes local files; reads never count.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <boost/filesystem.hpp>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sqlite3.h>
#include <stateless/annotations.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

STATELESS_HANDLER void c_and_posix(const char *path) {
  std::fopen(path, "wb");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fopen' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
  std::fopen(path, "r+");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fopen' opens a file for writing
  std::fopen(path, "rb");            // read-only
  open(path, O_WRONLY | O_CREAT, 0644);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'open' opens a file for writing
  open(path, O_RDONLY);              // read-only
  openat(AT_FDCWD, path, O_APPEND | O_WRONLY);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'openat' opens a file for writing
  creat(path, 0600);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'creat' creates a file
  mkdir("/var/lib/app/cache", 0755);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mkdir' creates a directory
  std::rename(path, "/tmp/moved");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'rename' moves a file
  unlink(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'unlink' deletes a file
  truncate(path, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'truncate' truncates a file
  char templ[] = "/tmp/upload-XXXXXX";
  mkstemp(templ);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'mkstemp' creates a temporary file
  struct stat info;
  stat(path, &info);                 // metadata read
  access(path, R_OK);                // read-only
}

STATELESS_HANDLER void streams(const std::string &path) {
  std::ofstream out(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ofstream' opens a file for writing
  std::ofstream later;
  later.open(path, std::ios::app);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::basic_ofstream::open' opens a file for writing
  std::fstream both(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'std::fstream' opens a file for writing
  std::fstream reading(path, std::ios::in); // read-only
  std::ifstream in(path);                   // read-only
  std::filebuf buffer;
  buffer.open(path, std::ios::out | std::ios::trunc);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'std::basic_filebuf::open' opens a file for writing
}

STATELESS_HANDLER void filesystem(const fs::path &path) {
  fs::create_directories(path / "thumbnails");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::create_directories' creates directories
  fs::copy_file(path, "/tmp/copy");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::copy_file' copies a file
  fs::remove_all(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::remove_all' deletes files
  fs::rename(path, "/tmp/renamed");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::filesystem::rename' moves a file
  boost::filesystem::create_directory("/var/lib/app/boost");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::filesystem::create_directory' creates a directory
  boost::filesystem::remove("/var/lib/app/boost/old");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::filesystem::remove' deletes a file
  if (fs::exists(path) && fs::file_size(path) > 0 && boost::filesystem::is_directory(path.string())) // reads
    for (const auto &entry : fs::directory_iterator(path))
      (void)entry;
}

STATELESS_HANDLER void databases() {
  sqlite3 *db = nullptr;
  sqlite3_open("/var/lib/app/local.db", &db);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sqlite3_open' opens a SQLite database file
  sqlite3_open(":memory:", &db);      // not a file
  sqlite3_open_v2("/var/lib/app/ro.db", &db, SQLITE_OPEN_READONLY, nullptr); // read-only
  sqlite3_open_v2("/var/lib/app/rw.db", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'sqlite3_open_v2' opens a SQLite database file
}

// Allowed with a reason: on the function, or not at all when malformed.
STATELESS_ALLOW(other, "debug dumps, written only when DEBUG_DUMP is set")
STATELESS_HANDLER void debug_dump(const std::string &path) { std::ofstream(path) << "state"; }

STATELESS_ALLOW(other, "")
STATELESS_HANDLER void bad_allow(const std::string &path) { std::ofstream(path) << "state"; }
// CHECK-MESSAGES: :[[@LINE-2]]:1: warning: STATELESS_ALLOW on 'bad_allow' needs a reason: say why losing this state is safe [stateless-local-fs-write]
// CHECK-MESSAGES: :[[@LINE-2]]:61: warning: 'std::ofstream' opens a file for writing

// Only start-up code reaches it.
void write_pid_file() { std::ofstream("/run/app.pid") << getpid(); }
int main() { write_pid_file(); }

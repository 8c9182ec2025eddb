// A file that start-up code opens and keeps open (a member of a long-lived
// object, a global) and request code writes holds the service's data on
// this instance's disk, as a database file does: the open is reported, with
// the request's write. An append-only log written by handlers, a FILE *
// journal. Not: a file kept open that only start-up code writes, one that
// request code only reads, the standard streams, a string stream.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stateless/annotations.h>
#include <string>

class AppendLog {
public:
  void open(const std::string &path) {
    stream_.open(path, std::ios::binary | std::ios::in | std::ios::out);
    // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'std::basic_fstream::open' opens a file for writing on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
    // CHECK-NOTES: :[[@LINE+12]]:13: note: 'std::basic_ostream::write' writes the file here
    // CHECK-NOTES: :[[@LINE+21]]:24: note: reached from handler 'put', marked STATELESS_HANDLER
    // CHECK-NOTES: :[[@LINE+21]]:11: note: via call to 'AppendLog::append'
    if (!stream_.is_open())
      stream_.open(path, std::ios::binary | std::ios::out); // the same file
  }
  bool replay(std::string &record) {
    stream_.seekg(0);
    return static_cast<bool>(std::getline(stream_, record));
  }
  void append(const std::string &key, const std::string &value) {
    stream_.seekp(0, std::ios::end);
    stream_.write(key.data(), key.size());
    stream_ << '=' << value << '\n';
  }

private:
  std::fstream stream_;
};

AppendLog changes;

STATELESS_HANDLER void put(const std::string &key, const std::string &value) {
  changes.append(key, value);
}

FILE *journal;
std::ofstream startup_report;
std::ofstream settings_copy;

STATELESS_HANDLER void remember(const char *line) {
  std::fputs(line, journal);
  std::fputs(line, stdout);
  std::cout << line;
  std::ostringstream text;
  text << line;
}

STATELESS_HANDLER std::string settings() {
  std::ifstream in("settings.ini");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

int main() {
  changes.open("changes.log");
  journal = std::fopen("journal.txt", "a");
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'fopen' opens a file for writing on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE-16]]:3: note: 'fputs' writes the file here
  // CHECK-NOTES: :[[@LINE-18]]:24: note: reached from handler 'remember', marked STATELESS_HANDLER
  startup_report.open("startup.txt");
  startup_report << "started\n"; // start-up writes it, no request does
  settings_copy.open("settings.copy");
}

// POSIX descriptors: a device or log opened with write flags and kept in a
// member or a global, written by request code. Not: a socket's descriptor,
// a file opened for reading.
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

class BlockStore {
public:
  BlockStore() : fd_(::open("blocks.img", O_CREAT | O_RDWR, 0644)) {}
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'open' opens a file for writing on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE+4]]:5: note: 'pwrite' writes the file here
  // CHECK-NOTES: :[[@LINE+11]]:24: note: reached from handler 'write_block', marked STATELESS_HANDLER
  // CHECK-NOTES: :[[@LINE+11]]:10: note: via call to 'BlockStore::put'
  void put(long offset, const char *data) {
    ::pwrite(fd_, data, 512, offset);
  }

private:
  int fd_;
};

BlockStore blocks;
STATELESS_HANDLER void write_block(long offset, const char *data) {
  blocks.put(offset, data);
}

int wal = -1;
int peer = -1;
int catalog = -1;
STATELESS_HANDLER void log_change(const char *line, unsigned size) {
  ::write(wal, line, size);
  ::write(peer, line, size);
  char buffer[64];
  ::read(catalog, buffer, sizeof buffer);
}

__attribute__((constructor)) void open_files() {
  wal = ::open("changes.wal", O_WRONLY | O_APPEND | O_CREAT, 0644);
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'open' opens a file for writing on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE-9]]:3: note: 'write' writes the file here
  // CHECK-NOTES: :[[@LINE-11]]:24: note: reached from handler 'log_change', marked STATELESS_HANDLER
  peer = ::socket(AF_INET, SOCK_STREAM, 0);
  catalog = ::open("catalog.db", O_RDONLY);
}

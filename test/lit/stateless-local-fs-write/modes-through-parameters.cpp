// An open whose mode or flags a function of the project's is given (a
// wrapper such as openFile(path, stream, mode)) is read where request code
// calls it: it writes when a caller in request code hands it a mode that
// writes, directly or through further parameters; a wrapper request code
// only reads through is no finding, nor one only start-up code writes
// through.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <fcntl.h>
#include <fstream>
#include <stateless/annotations.h>
#include <string>

class TaskFile {
public:
  bool commit(const std::string &text) {
    std::fstream fs;
    if (!openFile("tasks.json", fs, std::fstream::out | std::fstream::trunc))
      return false;
    fs << text;
    return true;
  }
  std::string load() {
    std::fstream fs;
    openFile("tasks.json", fs, std::fstream::in);
    return std::string(std::istreambuf_iterator<char>(fs), {});
  }

private:
  bool openFile(const std::string &path, std::fstream &fs,
                std::fstream::openmode mode) const {
    fs.open(path, mode);
    // CHECK-NOTES: :[[@LINE-1]]:8: warning: 'std::basic_fstream::open' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
    // CHECK-NOTES: :[[@LINE+16]]:24: note: reached from handler 'add_task', marked STATELESS_HANDLER
    // CHECK-NOTES: :[[@LINE+16]]:9: note: via call to 'TaskFile::commit'
    // CHECK-NOTES: :[[@LINE-18]]:10: note: via call to 'TaskFile::openFile'
    return fs.is_open();
  }
};

// POSIX flags handed through two functions.
int open_log(const char *path, int flags) { return open(path, flags, 0644); }
// CHECK-NOTES: :[[@LINE-1]]:52: warning: 'open' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
// CHECK-NOTES: :[[@LINE+9]]:24: note: reached from handler 'record', marked STATELESS_HANDLER
// CHECK-NOTES: :[[@LINE+9]]:3: note: via call to 'open_journal'
// CHECK-NOTES: :[[@LINE+1]]:56: note: via call to 'open_log'
int open_journal(const char *path, int flags) { return open_log(path, flags); }

TaskFile tasks;
STATELESS_HANDLER void add_task(const std::string &text) {
  tasks.commit(text);
}
STATELESS_HANDLER void record() {
  open_journal("journal.log", O_WRONLY | O_APPEND);
}
STATELESS_HANDLER std::string list_tasks() { return tasks.load(); }

// Start-up code writes through the wrapper: not request code.
int main() {
  open_log("start.log", O_WRONLY | O_CREAT);
}

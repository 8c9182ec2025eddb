// A SQLite database reached through a database library's session (the real
// Debian headers of POCO Data and SOCI): the session's connector says
// whether it is a local file. One start-up code opens and request code
// writes, streaming SQL into it (`session << "INSERT ..."`), is reported
// where it is opened (sqlite-through-sessions-reads.cpp: those that are
// not).
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <stateless/annotations.h>
#include <string>
#include <vector>

using namespace Poco::Data::Keywords;

class TodoDatabase {
public:
  TodoDatabase() : session_("SQLite", "todo.db") {
  // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'Poco::Data::Session' opens a SQLite database file on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE+6]]:14: note: 'Poco::Data::Session::operator<<' writes the database here
  // CHECK-NOTES: :[[@LINE+18]]:24: note: reached from handler 'post_todo', marked STATELESS_HANDLER
  // CHECK-NOTES: :[[@LINE+17]]:69: note: via call to 'TodoDatabase::add'
    session_ << "CREATE TABLE IF NOT EXISTS Todo (title VARCHAR)", now;
  }
  void add(std::string title) {
    session_ << "INSERT INTO Todo (title) VALUES (?)", use(title), now;
  }
  std::vector<std::string> titles() {
    std::vector<std::string> Result;
    session_ << "SELECT title FROM Todo", into(Result), now;
    return Result;
  }

private:
  Poco::Data::Session session_;
};

TodoDatabase *todos;
STATELESS_HANDLER void post_todo(const std::string &title) { todos->add(title); }
STATELESS_HANDLER std::size_t count_todos() { return todos->titles().size(); }

// SOCI: the SQLite backend named by its factory.
soci::session *visits;
STATELESS_HANDLER void count_visit(const std::string &page) {
  *visits << "INSERT INTO visits(page) VALUES(:page)", soci::use(page);
}

int main() {
  Poco::Data::SQLite::Connector::registerConnector();
  todos = new TodoDatabase();
  visits = new soci::session(soci::sqlite3, "visits.db");
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'soci::session' opens a SQLite database file on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE-8]]:11: note: 'soci::session::operator<<' writes the database here
  // CHECK-NOTES: :[[@LINE-10]]:24: note: reached from handler 'count_visit', marked STATELESS_HANDLER
}

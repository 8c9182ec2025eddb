// Sessions of database libraries whose writes leave no file on this
// instance's disk (the real Debian headers of POCO Data and SOCI): a SQLite
// file requests only read (SOCI), and a database server's session and an
// in-memory SQLite database that requests write (POCO Data). A library's
// writes are paired with the files of that library it opens.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -I%stateless_include

#include <Poco/Data/Session.h>
#include <Poco/Data/SessionFactory.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <stateless/annotations.h>
#include <string>

using namespace Poco::Data::Keywords;

soci::session *catalogue;
STATELESS_HANDLER int count_items() {
  int Count = 0;
  *catalogue << "SELECT COUNT(*) FROM items", soci::into(Count);
  return Count;
}

Poco::Data::Session *orders;
Poco::Data::Session *scratch;
STATELESS_HANDLER void place_order(std::string item) {
  *orders << "INSERT INTO orders(item) VALUES(?)", use(item), now;
  *scratch << "INSERT INTO recent(item) VALUES(?)", use(item), now;
}

int main() {
  catalogue = new soci::session(soci::sqlite3, "catalogue.db");
  *catalogue << "CREATE TABLE IF NOT EXISTS items(name VARCHAR)";
  orders = new Poco::Data::Session("MySQL", "host=db;user=shop;db=shop");
  scratch = new Poco::Data::Session(
      Poco::Data::SessionFactory::instance().create("SQLite", ":memory:"));
}

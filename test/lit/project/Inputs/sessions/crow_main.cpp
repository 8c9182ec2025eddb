// Crow's SessionMiddleware with its InMemoryStore keeps the sessions in this
// instance.
#include "crow.h"
#include "store.h"

using Session = crow::SessionMiddleware<crow::InMemoryStore>;

int main() {
  crow::App<crow::CookieParser, Session> app;
  CROW_ROUTE(app, "/report")([] {
    schedule_report();
    return "started";
  });
  app.port(18080).run();
}

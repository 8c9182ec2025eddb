#include "auth.h"

int main() {
  crow::App<crow::CookieParser, Auth> app;
  CROW_ROUTE(app, "/")([] { return "hello"; });
  app.port(18080).run();
}

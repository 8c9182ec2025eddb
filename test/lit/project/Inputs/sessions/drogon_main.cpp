// Drogon's own recipe for sessions: enableSession keeps them in this
// instance.
#include "drogon.h"
#include "store.h"

int main() {
  drogon::app().enableSession(1200);
  drogon::app().registerHandler("/login", [](const drogon::HttpRequestPtr &req) {
    remember(req->path());
    save_upload("/tmp/" + req->path(), "body");
  });
  drogon::app().run();
}

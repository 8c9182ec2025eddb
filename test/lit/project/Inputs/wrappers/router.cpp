#include "router.h"
#include <utility>

void Router::post(const char *path, Handler handler) {
  server_.Post(path, std::move(handler));
}
void Router::run(int port) { server_.listen("0.0.0.0", port); }

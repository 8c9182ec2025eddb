#include "auth.h"

std::map<std::string, std::string> sessions;

void Auth::after_handle(crow::request &, crow::response &, context &ctx) {
  sessions[ctx.user] = "seen";
}

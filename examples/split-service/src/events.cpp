// Long-poll clients, known to this instance only.
#include "events.h"

#include <set>

namespace shop {

std::set<std::string> subscribers;

void subscribe(const std::string &client) { subscribers.insert(client); }

} // namespace shop

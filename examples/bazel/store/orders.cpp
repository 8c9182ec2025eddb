// The order store, written by the handler in server/main.cpp.
#include <store/orders.h>

namespace store {

int last_order; // one per instance: the next request may land on another

void remember(int order) { last_order = order; }

} // namespace store

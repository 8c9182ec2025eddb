// A request handler (HandlerFunctions in .clang-tidy); the state it writes
// lives in store.cpp.
void remember(int order);

void handle_order(int order) { remember(order); }

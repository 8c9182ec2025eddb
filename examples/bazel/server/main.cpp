// The service: its handler (HandlerFunctions in .clang-tidy) keeps the order
// in the store of store/orders.cpp.
#include <store/orders.h> // found through the store's includes

#ifdef STORE_ORDERS // defined by the store's BUILD for its dependents
void handle_order(int order) { store::remember(order); }
#endif

int main() { return 0; }

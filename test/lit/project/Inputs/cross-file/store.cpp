// The store: written by the handler in routes.cpp, which only the project
// index shows to this unit.
int last_order;

void remember(int order) { last_order = order; }

#include <stddef.h>
#include <map>
int hits;
std::map<int, int> sessions;
size_t handle(int id) { ++hits; sessions[id] = hits; return sessions.size(); }

// Compiles only with the flags the hook finds for it.
#ifndef SERVICE_FLAGS
#error the hook did not find this file's compile flags
#endif
int hits;
void handle() { ++hits; }

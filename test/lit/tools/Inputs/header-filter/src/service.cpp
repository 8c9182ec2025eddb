#include "cache.h"
#include "vendor.h"
STATELESS_HANDLER void handle() { ++page_hits; ++vendor_hits; vendor_log(); }

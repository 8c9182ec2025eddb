#include <fstream>
#include <stateless/annotations.h>
STATELESS_ALLOW(cahce, "vendor lookups") inline int vendor_hits;
inline void vendor_log() { std::ofstream out("vendor.log"); }

// Configuration read once at start-up by main(): not state.
#pragma once
#include <string>

namespace shop {
extern std::string data_dir;
extern int port;
} // namespace shop

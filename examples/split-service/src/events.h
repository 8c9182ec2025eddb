#pragma once
#include <string>

namespace shop {
void subscribe(const std::string &client);
} // namespace shop

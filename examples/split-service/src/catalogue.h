#pragma once
#include <string>

namespace shop {
const std::string &product_page(const std::string &sku);
} // namespace shop

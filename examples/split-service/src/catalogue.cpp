// Product pages, cached: legitimate state, annotated.
#include "catalogue.h"

#include <stateless/annotations.h>

#include <unordered_map>

namespace shop {

// Losing it costs performance, not correctness.
STATELESS_ALLOW(cache, "product pages, re-rendered from the catalogue on a miss")
std::unordered_map<std::string, std::string> page_cache;

const std::string &product_page(const std::string &sku) {
  auto &page = page_cache[sku];
  if (page.empty())
    page = "<h1>" + sku + "</h1>";
  return page;
}

} // namespace shop

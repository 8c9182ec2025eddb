#include "recommendations.h"

namespace shop {

void Recommendations::viewed(const httplib::Request &req, httplib::Response &res) {
  recently_viewed_[req.get_header_value("X-Token")].push_back(req.get_param_value("sku"));
  res.status = 204;
}

} // namespace shop

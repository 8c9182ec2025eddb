// Uploads kept on this host's disk.
#include "config.h"
#include "routes.h"

#include <fstream>
#include <vector>

namespace shop {

std::vector<std::string> recent_uploads; // registry of local files

void upload(const httplib::Request &req, httplib::Response &res) {
  std::string path = data_dir + "/uploads/" + req.get_param_value("name");
  std::ofstream(path) << req.body; // stranded on this host
  recent_uploads.push_back(path);
  res.status = 201;
}

} // namespace shop

#pragma once
#include <cstdio>
#include <string>

// A helper defined in a project header: walked only because a handler of the
// main file reaches it.
inline void persist(const std::string &path, const std::string &data) {
  std::FILE *f = std::fopen(path.c_str(), "w");
  std::fputs(data.c_str(), f);
  std::fclose(f);
}

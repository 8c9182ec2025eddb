#pragma once
#include <string>

void remember(const std::string &item);
std::string describe();

#pragma once
#include <string>

void save_note(const std::string &text);

// State written by the handler in routes.cpp.
#include "storage.h"

#include <vector>

std::vector<std::string> notes;

void save_note(const std::string &text) { notes.push_back(text); }

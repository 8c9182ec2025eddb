#pragma once
#include "store.h"

inline void audit(const std::string &entry) { remember(entry); }

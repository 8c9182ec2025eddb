#pragma once

namespace store {
void remember(int order);
}

#pragma once
#include <stateless/annotations.h>

STATELESS_ALLOW(cahce, "typo in the kind") inline int header_hits;

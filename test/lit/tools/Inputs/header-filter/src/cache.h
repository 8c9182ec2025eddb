#include <stateless/annotations.h>
STATELESS_ALLOW(cahce, "pages, re-rendered on a miss") inline int page_hits;

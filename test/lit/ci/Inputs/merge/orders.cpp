#include "storage.h"
#include <stateless/annotations.h>

STATELESS_HANDLER void orders() { save_upload(); }

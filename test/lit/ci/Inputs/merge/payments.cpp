#include "storage.h"
#include <stateless/annotations.h>

void store_receipt() { save_upload(); }
STATELESS_HANDLER void payments() { store_receipt(); }

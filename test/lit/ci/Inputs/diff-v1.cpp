int old_hits;
void handle_old() { ++old_hits; }

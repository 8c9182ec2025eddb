int old_hits;
int new_hits;
void handle_old() { ++old_hits; }
void handle_new() { ++new_hits; }
void touch_old() {
  old_hits += 2;
}

int hits;
void handle() { ++hits; }

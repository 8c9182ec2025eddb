int hits;
void handle() { ++hits; }
void first() {
  static int calls = 0;
  ++calls;
}
void second() {
  static int calls = 0;
  ++calls;
}

// A global array handed on as a pointer (it decays) is written when something
// writes through that pointer: through a local copy, in the function it is
// handed to, or through the member a constructor keeps it in. A table of
// names that code only walks is not state. clang's mutation analysis sees
// writes through pointers from LLVM 20 on; before, an array handed on as a
// pointer counts as written.
// REQUIRES: pointee-writes
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17

#include <cstring>

// Walked through a local copy of the pointer: read.
const char *keywords[] = {"FROM", "WHERE", nullptr};
bool is_keyword(const char *word) {
  for (const char **keyword = keywords; *keyword; ++keyword)
    if (std::strcmp(*keyword, word) == 0)
      return true;
  return false;
}

// Handed to a parser object that keeps it and only walks it: read.
class OperatorList {
public:
  explicit OperatorList(const char **operators) : operators(operators) {}
  bool parse(const char *token) const;

private:
  const char **operators;
};
bool OperatorList::parse(const char *token) const {
  const char **it;
  for (it = operators; *it; it += 2)
    if (std::strcmp(*it, token) == 0)
      return true;
  return false;
}
const char *unary_operators[] = {"-", "negate", nullptr};
bool parse_unary(const char *token) { return OperatorList(unary_operators).parse(token); }

// Written through a local copy, by the function it is handed to, through
// the member a constructor keeps it in, or by a function whose body is not
// seen.
const char *aliases[] = {"a", "b", nullptr};
// CHECK-NOTES: :[[@LINE-1]]:13: warning: global variable 'aliases' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
void rename_first(const char *name) {
  const char **first = aliases;
  *first = name;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'aliases' is modified here
}

int counters[4];
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'counters' is modified after start-up
void bump(int *slots) { ++slots[0]; }
void count() { bump(counters); }
// CHECK-NOTES: :[[@LINE-1]]:16: note: 'counters' is modified here

class Tally {
public:
  explicit Tally(int *slots) : slots(slots) {}
  void add() { ++*slots; }

private:
  int *slots;
};
int totals[4];
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'totals' is modified after start-up
void total() { Tally(totals).add(); }
// CHECK-NOTES: :[[@LINE-1]]:16: note: 'totals' is modified here

void fill(int *slots);
int filled[4];
// CHECK-NOTES: :[[@LINE-1]]:5: warning: global variable 'filled' is modified after start-up
void refill() { fill(filled); }
// CHECK-NOTES: :[[@LINE-1]]:17: note: 'filled' is modified here

// An object's address handed to a function is judged the same way: a
// function that only walks what it is given (re-seating its own pointer)
// reads it; one that writes through it writes it.
struct Node {
  int value = 0;
  Node *next = nullptr;
};
Node routes;
int depth_of(Node *node) {
  int depth = 0;
  for (; node; node = node->next)
    depth += node->value;
  return depth;
}
int route_depth() { return depth_of(&routes); }
Node visits;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'visits' is modified after start-up
void mark(Node *node) { node->value = 1; }
void visit() { mark(&visits); }
// CHECK-NOTES: :[[@LINE-1]]:21: note: 'visits' is modified here

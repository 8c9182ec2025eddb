// Reads, const access, never-used globals and start-up writes are not state.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

int never_used;
static int internal_never_used;
std::string banner = "service";
std::vector<std::string> routes = {"/a", "/b"};
const int kLimit = 10;
constexpr double kRatio = 0.5;
const std::vector<int> kPorts = {80, 443};
int listen_port = 8080;
std::string data_dir;
bool verbose;
int workers = 1;
const char *page = "<html></html>";                 // reassigned nowhere
auto format_line = [](int v) { return v * 2; };    // a capture-less lambda
std::function<void(int)> on_event;

void print(const std::string &s);
void print_all(const std::vector<std::string> &all);

int describe() {
  print(banner);                      // const reference parameter
  print_all(routes);
  std::string copy = banner;          // a copy
  for (const auto &r : routes)        // const iteration
    copy += r;
  on_event(kLimit);                   // calling a std::function is const
  std::printf("%s %d %zu\n", page, format_line(listen_port), sizeof(never_used));
  decltype(workers) unevaluated = 0;
  return unevaluated + int(routes.size()) + kPorts.front() + int(kRatio);
}

const char *tag() {
  static const char *name = "worker"; // never written after its initialisation
  static int calls_seen = 0;          // never written at all
  return calls_seen ? "" : name;
}

// Namespace-scope initialisers run before the service serves anything.
int derived_limit = (workers = 4) * 2;

__attribute__((constructor)) static void early_init() { verbose = true; }

int main(int argc, char **argv) {
  listen_port = argc > 1 ? std::stoi(argv[1]) : 8080; // configuration from argv
  data_dir = "/srv";
  workers += 2;
  routes.push_back("/health");
  on_event = [](int) {};
  [&] { verbose = argc > 2; }();      // called where it is written: still main()
  return describe();
}

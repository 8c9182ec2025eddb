// A variable assigned only while it is unset (`if (!x) x = ...`) is
// initialised lazily, once, like a static's initialiser: configuration loaded
// on first use, a singleton made by its first caller. Writes that are not so
// guarded are writes.
// RUN: %check_stateless %s stateless-mutable-global %t -- -std=c++17 -I%stateless_include

#include <memory>
#include <optional>
#include <stateless/annotations.h>
#include <string>

struct Config {
  explicit Config(const std::string &path) : path(path) {}
  std::string path;
};

// A reference-counted pointer shaped like Poco::AutoPtr.
template <class C> class AutoPtr {
public:
  AutoPtr() = default;
  AutoPtr(C *ptr) : ptr(ptr) {}
  AutoPtr &operator=(const AutoPtr &other) { ptr = other.ptr; return *this; }
  bool isNull() const { return ptr == nullptr; }
  C &operator*() const { return *ptr; }

private:
  C *ptr = nullptr;
};

const Config &config() {
  static AutoPtr<Config> loaded;
  if (loaded.isNull()) {
    AutoPtr<Config> fresh(new Config("config.ini"));
    loaded = fresh;
  }
  return *loaded;
}

struct Registry {
  static Registry *instance() {
    if (current == nullptr)
      current = new Registry();
    return current;
  }
  static Registry *current;
};
Registry *Registry::current = nullptr;

std::unique_ptr<Config> settings;
std::string banner;
std::optional<int> port;
const Config &load_settings() {
  if (!settings)
    settings = std::make_unique<Config>("settings.ini");
  if (banner.empty())
    banner = "service";
  if (!port.has_value())
    port = 8080;
  return *settings;
}

// Not guarded by the variable's own unset test: writes.
std::unique_ptr<Config> current_config;
// CHECK-NOTES: :[[@LINE-1]]:25: warning: global variable 'current_config' is modified after start-up
STATELESS_HANDLER void reload() {
  if (current_config)
    current_config = std::make_unique<Config>("other.ini");
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'current_config' is modified here
  // CHECK-NOTES: :[[@LINE-4]]:24: note: reached from handler 'reload', marked STATELESS_HANDLER
}

std::string last_user;
// CHECK-NOTES: :[[@LINE-1]]:13: warning: global variable 'last_user' is modified after start-up
STATELESS_HANDLER void remember(const std::string &user, bool fresh) {
  if (fresh)
    last_user = user;
  // CHECK-NOTES: :[[@LINE-1]]:5: note: 'last_user' is modified here
  // CHECK-NOTES: :[[@LINE-4]]:24: note: reached from handler 'remember', marked STATELESS_HANDLER
}

// A flag set on first use records that this instance did something.
bool loaded = false;
// CHECK-NOTES: :[[@LINE-1]]:6: warning: global variable 'loaded' is modified after start-up
STATELESS_HANDLER void load_once() {
  if (!loaded) {
    loaded = true;
    // CHECK-NOTES: :[[@LINE-1]]:5: note: 'loaded' is modified here
    // CHECK-NOTES: :[[@LINE-4]]:24: note: reached from handler 'load_once', marked STATELESS_HANDLER
  }
}

Config *active;
// CHECK-NOTES: :[[@LINE-1]]:9: warning: global variable 'active' is modified after start-up
STATELESS_HANDLER void deactivate() {
  if (!active)
    active = new Config("a.ini");
  active = nullptr;
  // CHECK-NOTES: :[[@LINE-1]]:3: note: 'active' is modified here
  // CHECK-NOTES: :[[@LINE-5]]:24: note: reached from handler 'deactivate', marked STATELESS_HANDLER
}

STATELESS_HANDLER int serve() {
  return int(config().path.size() + load_settings().path.size()) +
         (Registry::instance() != nullptr);
}

#include <functional>
#include <httplib.h>

// The project's own front of the framework: its registrations hand the
// handlers on to httplib.
class Router {
public:
  using Handler = std::function<void(const httplib::Request &, httplib::Response &)>;
  void post(const char *path, Handler handler);
  void run(int port);

private:
  httplib::Server server_;
};

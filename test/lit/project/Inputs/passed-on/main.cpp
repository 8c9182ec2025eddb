#include "routes.h"

// The store goes from main() through two functions' reference parameters
// to the functors that keep it.
std::unique_ptr<router_t> make_router(UserStore &store, Settings &settings) {
  auto router = std::make_unique<router_t>();
  routes::fill(*router, store, settings);
  return router;
}

int main() {
  UserStore store;
  Settings settings;
  using traits_t = restinio::traits_t<restinio::asio_timer_manager_t,
                                      restinio::null_logger_t, router_t>;
  restinio::run(restinio::on_this_thread<traits_t>().port(8080).request_handler(
      make_router(store, settings)));
}

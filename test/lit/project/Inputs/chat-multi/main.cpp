#include "listener.hpp"
#include "shared_state.hpp"

#include <cstdlib>
#include <iostream>

int main(int argc, char *argv[]) {
  if (argc != 4) {
    std::cerr << "Usage: websocket-chat-multi <address> <port> <doc_root>\n";
    return EXIT_FAILURE;
  }
  auto address = net::ip::make_address(argv[1]);
  auto port = static_cast<unsigned short>(std::atoi(argv[2]));
  std::string root = argv[3];

  net::io_context ioc;
  // The room: what the websocket sessions of websocket_session.cpp join.
  auto state = std::make_shared<shared_state>(root);
  std::make_shared<listener>(ioc, tcp::endpoint{address, port}, state)->run();
  // A second room, made where it is handed over, as Beast's own main() does.
  std::make_shared<listener>(ioc, tcp::endpoint{address, ++port},
                             std::make_shared<shared_state>(root))
      ->run();
  ioc.run();
}

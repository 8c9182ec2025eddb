#ifndef CHAT_SHARED_STATE_HPP
#define CHAT_SHARED_STATE_HPP

#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

class websocket_session;

// The chat room: main() makes one, the listener and the sessions share it.
class shared_state {
  std::string const doc_root_;
  std::mutex mutex_;
  std::unordered_set<websocket_session *> sessions_;

public:
  explicit shared_state(std::string doc_root);

  std::string const &doc_root() const noexcept { return doc_root_; }

  void join(websocket_session *session);
  void leave(websocket_session *session);
  void send(std::string message);
};

#endif

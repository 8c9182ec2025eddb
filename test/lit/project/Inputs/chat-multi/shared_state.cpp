#include "shared_state.hpp"
#include "websocket_session.hpp"

shared_state::shared_state(std::string doc_root)
    : doc_root_(std::move(doc_root)) {}

void shared_state::join(websocket_session *session) {
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.insert(session);
}

void shared_state::leave(websocket_session *session) {
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.erase(session);
}

void shared_state::send(std::string message) {
  auto const ss = std::make_shared<std::string const>(std::move(message));
  std::lock_guard<std::mutex> lock(mutex_);
  for (websocket_session *session : sessions_)
    session->send(ss);
}

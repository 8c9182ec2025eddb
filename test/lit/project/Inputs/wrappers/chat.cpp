#include "chat.h"

void Chat::set_sink(Sink sink) { sink_ = sink; }
void Chat::on_message(const std::string &text) {
  if (sink_)
    sink_(text);
}

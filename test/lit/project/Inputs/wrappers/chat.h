#include <string>

class Chat {
public:
  using Sink = void (*)(const std::string &);
  void set_sink(Sink sink);
  void on_message(const std::string &text);

private:
  Sink sink_ = nullptr;
};

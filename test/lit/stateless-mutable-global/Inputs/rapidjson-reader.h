// rapidjson's SAX reader as rapidjson/reader.h declares it (reduced): Parse
// clears the reader's stack and its parse result before it parses.
#pragma once
#include <cstddef>

namespace rapidjson {
struct ParseResult {
  int code = 0;
  bool IsError() const { return code != 0; }
};
template <typename Encoding> struct GenericStringStream {
  explicit GenericStringStream(const char *src) : src_(src) {}
  const char *src_;
};
struct UTF8 {};
using StringStream = GenericStringStream<UTF8>;
struct CrtAllocator {};
template <typename SourceEncoding, typename TargetEncoding,
          typename StackAllocator = CrtAllocator>
class GenericReader {
public:
  explicit GenericReader(StackAllocator *stackAllocator = 0,
                         std::size_t stackCapacity = 256);
  template <typename InputStream, typename Handler>
  ParseResult Parse(InputStream &is, Handler &handler) {
    stackTop_ = 0;
    parseResult_ = ParseResult();
    return parseResult_;
  }

private:
  std::size_t stackTop_ = 0;
  ParseResult parseResult_;
};
typedef GenericReader<UTF8, UTF8> Reader;
} // namespace rapidjson

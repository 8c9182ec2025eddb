// Declarations from oatpp (github.com/oatpp/oatpp, src/oatpp/web/server/api
// and codegen) as its headers declare them; the ENDPOINT code generator is
// reduced to the method it defines.
#pragma once
#include <memory>
#include <string>

namespace oatpp {
using String = std::string;
using Int32 = int;
namespace web { namespace protocol { namespace http {
struct Status { int code; const char *description; };
inline constexpr Status STATUS_200{200, "OK"};
inline constexpr Status STATUS_201{201, "Created"};
namespace outgoing { class Response {}; }
}}} // namespace web::protocol::http

namespace web { namespace server { namespace api {
class ApiController {
public:
  virtual ~ApiController() = default;

protected:
  std::shared_ptr<protocol::http::outgoing::Response>
  createResponse(const protocol::http::Status &, const oatpp::String &) const {
    return std::make_shared<protocol::http::outgoing::Response>();
  }
};
}}} // namespace web::server::api
} // namespace oatpp

#define ENDPOINT(METHOD, PATH, NAME, ...) \
  std::shared_ptr<oatpp::web::protocol::http::outgoing::Response> NAME(__VA_ARGS__)
#define PATH(TYPE, NAME) const TYPE &NAME
#define BODY_STRING(TYPE, NAME) const TYPE &NAME
#define OATPP_CODEGEN_BEGIN(NAME)
#define OATPP_CODEGEN_END(NAME)

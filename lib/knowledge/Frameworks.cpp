//===--- Frameworks.cpp - how frameworks hand requests to user code --------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Frameworks.h"
#include "KnownTypes.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include <optional>

using namespace clang;

namespace stateless {
namespace {

// Functions whose callable arguments become request handlers.
constexpr llvm::StringLiteral BuiltinRegistrars[] = {
    // cpp-httplib
    "httplib::Server::Get",
    "httplib::Server::Post",
    "httplib::Server::Put",
    "httplib::Server::Patch",
    "httplib::Server::Delete",
    "httplib::Server::Options",
    "httplib::Server::set_error_handler",
    "httplib::Server::set_exception_handler",
    "httplib::Server::set_pre_routing_handler",
    "httplib::Server::set_post_routing_handler",
    "httplib::Server::set_file_request_handler",
    "httplib::Server::set_expect_100_continue_handler",
    "httplib::Server::set_logger",
    // Crow
    "crow::TaggedRule::operator()",
    "crow::DynamicRule::operator()",
    "crow::CatchallRule::operator()",
    "crow::WebSocketRule::onopen",
    "crow::WebSocketRule::onmessage",
    "crow::WebSocketRule::onclose",
    "crow::WebSocketRule::onerror",
    "crow::WebSocketRule::onaccept",
    // Drogon
    "drogon::HttpAppFramework::registerHandler",
    "drogon::HttpAppFramework::registerHandlerViaRegex",
    "drogon::HttpAppFramework::registerPreRoutingAdvice",
    "drogon::HttpAppFramework::registerPostRoutingAdvice",
    "drogon::HttpAppFramework::registerPreHandlingAdvice",
    "drogon::HttpAppFramework::registerPostHandlingAdvice",
    "drogon::HttpAppFramework::registerSyncAdvice",
    "drogon::HttpAppFramework::setExceptionHandler",
    "drogon::HttpController::registerMethod",
    "drogon::HttpController::registerMethodViaRegex",
    // Pistache
    "Pistache::Rest::Routes::Get",
    "Pistache::Rest::Routes::Post",
    "Pistache::Rest::Routes::Put",
    "Pistache::Rest::Routes::Patch",
    "Pistache::Rest::Routes::Delete",
    "Pistache::Rest::Routes::Options",
    "Pistache::Rest::Routes::Remove",
    "Pistache::Rest::Routes::Head",
    "Pistache::Rest::Routes::NotFound",
    "Pistache::Rest::Router::get",
    "Pistache::Rest::Router::post",
    "Pistache::Rest::Router::put",
    "Pistache::Rest::Router::patch",
    "Pistache::Rest::Router::del",
    "Pistache::Rest::Router::options",
    "Pistache::Rest::Router::head",
    "Pistache::Rest::Router::addRoute",
    "Pistache::Rest::Router::addCustomHandler",
    "Pistache::Rest::Router::addNotFoundHandler",
    // cpprestsdk
    "web::http::experimental::listener::http_listener::support",
    // RESTinio
    "restinio::router::generic_express_router_t::http_get",
    "restinio::router::generic_express_router_t::http_post",
    "restinio::router::generic_express_router_t::http_put",
    "restinio::router::generic_express_router_t::http_delete",
    "restinio::router::generic_express_router_t::http_head",
    "restinio::router::generic_express_router_t::add_handler",
    "restinio::router::generic_express_router_t::non_matched_request_handler",
    "restinio::router::generic_easy_parser_router_t::http_get",
    "restinio::router::generic_easy_parser_router_t::http_post",
    "restinio::router::generic_easy_parser_router_t::http_put",
    "restinio::router::generic_easy_parser_router_t::http_delete",
    "restinio::router::generic_easy_parser_router_t::http_head",
    "restinio::router::generic_easy_parser_router_t::add_handler",
    "restinio::router::generic_easy_parser_router_t::non_matched_request_handler",
    "restinio::basic_server_settings_t::request_handler",
    // websocketpp
    "websocketpp::endpoint::set_open_handler",
    "websocketpp::endpoint::set_close_handler",
    "websocketpp::endpoint::set_fail_handler",
    "websocketpp::endpoint::set_message_handler",
    "websocketpp::endpoint::set_http_handler",
    "websocketpp::endpoint::set_validate_handler",
    "websocketpp::endpoint::set_ping_handler",
    "websocketpp::endpoint::set_pong_handler",
    "websocketpp::endpoint::set_pong_timeout_handler",
    "websocketpp::endpoint::set_interrupt_handler",
    // uWebSockets
    "uWS::TemplatedApp::get",
    "uWS::TemplatedApp::post",
    "uWS::TemplatedApp::put",
    "uWS::TemplatedApp::del",
    "uWS::TemplatedApp::patch",
    "uWS::TemplatedApp::options",
    "uWS::TemplatedApp::head",
    "uWS::TemplatedApp::connect",
    "uWS::TemplatedApp::trace",
    "uWS::TemplatedApp::any",
    "uWS::TemplatedApp::ws",
    // Qt HTTP Server
    "QHttpServer::route",
    "QHttpServer::afterRequest",
    "QHttpServer::setMissingHandler",
    // C servers: libmicrohttpd's access handler (and accept policy),
    // libevent's HTTP callbacks and its listeners' and buffer events'.
    "MHD_start_daemon",
    "evhttp_set_cb",
    "evhttp_set_gencb",
    "evconnlistener_new",
    "evconnlistener_new_bind",
    "bufferevent_setcb",
    // civetweb's C API (its C++ handlers are CivetHandler's subclasses).
    "mg_set_request_handler",
    "mg_set_websocket_handler",
    "mg_set_auth_handler",
    // Boost.Asio
    "boost::asio::basic_socket_acceptor::async_accept",
    // Asio
    "asio::basic_socket_acceptor::async_accept",
    // Boost.Beast
    "boost::beast::http::async_read",
    "boost::beast::websocket::stream::async_accept",
    "boost::beast::websocket::stream::async_read",
};

// The calls that name the route of the handlers a registration registers:
// the registrar itself, or a call on the object it is called on (Crow's
// `app.route("/x").methods("POST"_method)(handler)`). Path and Methods are
// argument indices (NoArgument: none); Methods names methods by
// enumerators (`HTTPMethod::Post`, Drogon's `{Get, Post}`), literals
// (`"POST"_method`) or a string (oatpp's "GET"), and with MoreMethods so do
// the arguments after it. Method is the method the function implies when
// no argument names one (httplib's Post). ClassPrefix, a flag argument
// that puts the path under the class the function's class template is
// instantiated with (Drogon's METHOD_ADD: /api/v1/User/login). OnResult:
// the call names the route of the handlers registered on what it returns
// (Crow's rules); the route of any other call is its own registrations'.
constexpr int NoArgument = -1;
struct RouteSource {
  llvm::StringLiteral Function;
  int Path = NoArgument;
  int Methods = NoArgument;
  bool MoreMethods = false;
  llvm::StringLiteral Method = "";
  int ClassPrefix = NoArgument;
  bool OnResult = false;
};

constexpr RouteSource RouteSources[] = {
    // cpp-httplib
    {"httplib::Server::Get", 0, NoArgument, false, "GET"},
    {"httplib::Server::Post", 0, NoArgument, false, "POST"},
    {"httplib::Server::Put", 0, NoArgument, false, "PUT"},
    {"httplib::Server::Patch", 0, NoArgument, false, "PATCH"},
    {"httplib::Server::Delete", 0, NoArgument, false, "DELETE"},
    {"httplib::Server::Options", 0, NoArgument, false, "OPTIONS"},
    // Crow: rules serve GET unless their methods say otherwise.
    {"crow::Crow::route", 0, NoArgument, false, "", NoArgument, true},
    {"crow::Crow::route_dynamic", 0, NoArgument, false, "", NoArgument, true},
    {"crow::RuleParameterTraits::methods", NoArgument, 0, true, "", NoArgument,
     true},
    {"crow::TaggedRule::operator()", NoArgument, NoArgument, false, "GET"},
    {"crow::DynamicRule::operator()", NoArgument, NoArgument, false, "GET"},
    // Drogon
    {"drogon::HttpAppFramework::registerHandler", 0, 2},
    {"drogon::HttpAppFramework::registerHandlerViaRegex", 0, 2},
    {"drogon::HttpController::registerMethod", 1, 2, false, "", 3},
    {"drogon::HttpController::registerMethodViaRegex", 1, 2},
    // Pistache
    {"Pistache::Rest::Routes::Get", 1, NoArgument, false, "GET"},
    {"Pistache::Rest::Routes::Post", 1, NoArgument, false, "POST"},
    {"Pistache::Rest::Routes::Put", 1, NoArgument, false, "PUT"},
    {"Pistache::Rest::Routes::Patch", 1, NoArgument, false, "PATCH"},
    {"Pistache::Rest::Routes::Delete", 1, NoArgument, false, "DELETE"},
    {"Pistache::Rest::Routes::Options", 1, NoArgument, false, "OPTIONS"},
    {"Pistache::Rest::Routes::Remove", 1, NoArgument, false, "DELETE"},
    {"Pistache::Rest::Routes::Head", 1, NoArgument, false, "HEAD"},
    {"Pistache::Rest::Router::get", 0, NoArgument, false, "GET"},
    {"Pistache::Rest::Router::post", 0, NoArgument, false, "POST"},
    {"Pistache::Rest::Router::put", 0, NoArgument, false, "PUT"},
    {"Pistache::Rest::Router::patch", 0, NoArgument, false, "PATCH"},
    {"Pistache::Rest::Router::del", 0, NoArgument, false, "DELETE"},
    {"Pistache::Rest::Router::options", 0, NoArgument, false, "OPTIONS"},
    {"Pistache::Rest::Router::head", 0, NoArgument, false, "HEAD"},
    {"Pistache::Rest::Router::addRoute", 1, 0},
    // RESTinio
    {"restinio::router::generic_express_router_t::http_get", 0, NoArgument, false, "GET"},
    {"restinio::router::generic_express_router_t::http_post", 0, NoArgument, false, "POST"},
    {"restinio::router::generic_express_router_t::http_put", 0, NoArgument, false, "PUT"},
    {"restinio::router::generic_express_router_t::http_delete", 0, NoArgument, false, "DELETE"},
    {"restinio::router::generic_express_router_t::http_head", 0, NoArgument, false, "HEAD"},
    {"restinio::router::generic_express_router_t::add_handler", 1, 0},
    // uWebSockets
    {"uWS::TemplatedApp::get", 0, NoArgument, false, "GET"},
    {"uWS::TemplatedApp::post", 0, NoArgument, false, "POST"},
    {"uWS::TemplatedApp::put", 0, NoArgument, false, "PUT"},
    {"uWS::TemplatedApp::del", 0, NoArgument, false, "DELETE"},
    {"uWS::TemplatedApp::patch", 0, NoArgument, false, "PATCH"},
    {"uWS::TemplatedApp::options", 0, NoArgument, false, "OPTIONS"},
    {"uWS::TemplatedApp::head", 0, NoArgument, false, "HEAD"},
    {"uWS::TemplatedApp::connect", 0, NoArgument, false, "CONNECT"},
    {"uWS::TemplatedApp::trace", 0, NoArgument, false, "TRACE"},
    {"uWS::TemplatedApp::any", 0},
    {"uWS::TemplatedApp::ws", 0},
    // Qt HTTP Server
    {"QHttpServer::route", 0, 1},
    // civetweb
    {"mg_set_request_handler", 1},
    {"mg_set_websocket_handler", 1},
};

// Data members that map routes to handlers: a callable assigned into them,
// `server.resource["^/x$"]["GET"] = handler`, is a handler.
constexpr llvm::StringLiteral RouteTables[] = {
    "SimpleWeb::ServerBase::resource",
    "SimpleWeb::ServerBase::default_resource",
    "SimpleWeb::ServerBase::on_error",
    "SimpleWeb::ServerBase::on_upgrade",
    "SimpleWeb::SocketServerBase::Endpoint::on_open",
    "SimpleWeb::SocketServerBase::Endpoint::on_message",
    "SimpleWeb::SocketServerBase::Endpoint::on_close",
    "SimpleWeb::SocketServerBase::Endpoint::on_error",
    "SimpleWeb::SocketServerBase::Endpoint::on_handshake",
};

struct HandlerBase {
  llvm::StringLiteral Class;
  /// Every method of a subclass serves requests (endpoints are plain
  /// methods), not only the overrides of the base's virtual functions.
  bool AllMethods;
  /// Its overrides are the methods of a service generated from an RPC
  /// definition, named by its route: "/<package>.<Service>/<Method>", the
  /// service the class nested in the generated class that declares the
  /// method, its package its namespace.
  bool RpcRoutes = false;
};

constexpr HandlerBase HandlerBases[] = {
    {"grpc::Service", false, true},
    {"grpc::ServerUnaryReactor", false},
    {"grpc::ServerReadReactor", false},
    {"grpc::ServerWriteReactor", false},
    {"grpc::ServerBidiReactor", false},
    {"grpc::ServerGenericBidiReactor", false},
    // gRPC calls it before each call on a server whose credentials have it.
    {"grpc::AuthMetadataProcessor", false},
    {"drogon::HttpSimpleController", false},
    {"drogon::WebSocketController", false},
    {"drogon::HttpFilter", false},
    {"drogon::HttpMiddleware", false},
    {"Pistache::Http::Handler", false},
    {"Pistache::Tcp::Handler", false},
    {"oatpp::web::server::api::ApiController", true},
    {"Poco::Net::HTTPRequestHandler", false},
    {"Poco::Net::HTTPRequestHandlerFactory", false},
    {"Poco::Net::TCPServerConnection", false},
    {"QAbstractHttpServer", false},
    {"oatpp::websocket::ConnectionHandler::SocketInstanceListener", false},
    {"oatpp::websocket::AsyncConnectionHandler::SocketInstanceListener", false},
    {"oatpp::websocket::WebSocket::Listener", false},
    {"oatpp::websocket::AsyncWebSocket::Listener", false},
    // oatpp's asynchronous endpoints are coroutines the controller nests:
    // act() and the steps it yields to serve the request.
    {"oatpp::async::Coroutine", true},
    {"oatpp::async::CoroutineWithResult", true},
    // civetweb calls handleGet(), handlePost() ... of the objects
    // CivetServer::addHandler registers.
    {"CivetHandler", false},
    {"CivetWebSocketHandler", false},
    {"CivetAuthHandler", false},
};

// Registrations of objects or classes whose named methods serve requests.
struct MethodRegistration {
  llvm::StringLiteral Via;
  llvm::StringLiteral Methods[2];
};

// Functions that register objects (their arguments, through smart
// pointers): the named methods of the objects' classes serve requests.
constexpr MethodRegistration ObjectRegistrars[] = {
    {"restinio::basic_server_settings_t::connection_state_listener",
     {"state_changed", ""}},
    {"restinio::basic_server_settings_t::ip_blocker", {"inspect", ""}},
};

// Signals a client's request raises (Qt): what a connection to one
// (`QObject::connect(socket, &QTcpSocket::readyRead, slot)`) runs serves
// requests. By the class that declares the signal or a base of it.
struct HandlerSignal {
  llvm::StringLiteral Sender;
  llvm::StringLiteral Signal;
};
constexpr HandlerSignal HandlerSignals[] = {
    {"QTcpServer", "newConnection"},
    {"QLocalServer", "newConnection"},
    {"QWebSocketServer", "newConnection"},
    {"QAbstractSocket", "readyRead"},
    {"QAbstractSocket", "disconnected"},
    {"QLocalSocket", "readyRead"},
    {"QLocalSocket", "disconnected"},
    {"QWebSocket", "textMessageReceived"},
    {"QWebSocket", "binaryMessageReceived"},
    {"QWebSocket", "disconnected"},
};
constexpr llvm::StringLiteral SignalConnectors[] = {"QObject::connect"};

// Class templates instantiated with middlewares: the named methods of the
// classes among their template arguments serve requests.
constexpr MethodRegistration MiddlewareHosts[] = {
    {"crow::Crow", {"before_handle", "after_handle"}},
};

// Methods frameworks call while the service starts.
constexpr llvm::StringLiteral StartUpMethods[] = {
    "drogon::PluginBase::initAndStart",
};

// Handler base classes whose subclasses the framework instantiates per
// request or per call.
constexpr llvm::StringLiteral PerRequestBases[] = {
    "Poco::Net::HTTPRequestHandler", "Poco::Net::TCPServerConnection",
    "grpc::ServerUnaryReactor",      "grpc::ServerReadReactor",
    "grpc::ServerWriteReactor",      "grpc::ServerBidiReactor",
    "grpc::ServerGenericBidiReactor", "oatpp::async::Coroutine",
    "oatpp::async::CoroutineWithResult",
};

constexpr llvm::StringLiteral ThreadStarters[] = {
    "std::thread::thread", "std::jthread::jthread", "boost::thread::thread",
    "pthread_create",      "std::async",            "QThread::create",
    "QtConcurrent::run",
};

// Calls that wait for the next request or connection and return it: a
// loop around one serves requests (a blocking accept, a completion queue
// polled by the service's own code).
constexpr llvm::StringLiteral RequestWaits[] = {
    "boost::asio::basic_socket_acceptor::accept",
    "asio::basic_socket_acceptor::accept",
    "grpc::CompletionQueue::Next",
    "grpc::CompletionQueue::AsyncNext",
    "accept",
    "accept4",
};

// Calls that run a server until it stops: its event loop, its accept loop.
constexpr llvm::StringLiteral ServerRuns[] = {
    "boost::asio::io_context::run",
    "asio::io_context::run",
    "httplib::Server::listen",
    "httplib::Server::listen_after_bind",
    "crow::Crow::run",
    "drogon::HttpAppFramework::run",
    "websocketpp::transport::asio::endpoint::run",
    "Pistache::Http::Endpoint::serve",
    "grpc::Server::Wait",
    "restinio::run",
    "uWS::TemplatedApp::run",
    "oatpp::network::Server::run",
    "SimpleWeb::ServerBase::start",
    "Poco::Util::ServerApplication::waitForTerminationRequest",
    "QCoreApplication::exec",
};

constexpr llvm::StringLiteral Invokers[] = {"std::invoke", "std::invoke_r",
                                            "std::apply"};

constexpr llvm::StringLiteral ElementStorers[] = {
    "push_back", "emplace_back", "push_front", "emplace_front", "push",
    "emplace",   "emplace_hint", "insert",     "try_emplace",   "insert_or_assign",
};

constexpr llvm::StringLiteral CallableWrappers[] = {
    "std::bind",
    "std::bind_front",
    "std::bind_back",
    "std::mem_fn",
    "std::ref",
    "std::cref",
    "std::move",
    "std::forward",
    "boost::bind",
    "boost::beast::bind_front_handler",
    "boost::beast::bind_handler",
    "boost::asio::bind_executor",
    "asio::bind_executor",
    "Pistache::Rest::Routes::bind",
    "Pistache::Rest::Routes::Middleware",
};

// The namespaces of the frameworks' own code: what is declared there is
// library code, like what system headers declare, when a project includes
// a framework with -I or vendors it.
constexpr llvm::StringLiteral FrameworkNamespaces[] = {
    "httplib",      "crow",          "drogon",          "trantor",
    "Pistache",     "grpc",          "grpc_impl",       "web::http",
    "web::websockets", "pplx",       "concurrency::streams", "restinio",
    "websocketpp",  "uWS",           "SimpleWeb",       "oatpp",
    "Poco",         "boost::asio",   "boost::beast",    "asio",
};

/// \p E without what only carries its value on: conversions, and the
/// constructions that take it alone (a literal made a std::string, a
/// braced list made a vector).
const Expr *carried(const Expr *E) {
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0 ||
          !llvm::all_of(llvm::drop_begin(Construct->arguments()),
                        [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
        return E;
      E = Construct->getArg(0);
    } else if (const auto *List = dyn_cast<CXXStdInitializerListExpr>(E)) {
      E = List->getSubExpr();
    } else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = Cast->getSubExpr();
    } else {
      return E;
    }
  }
}

/// The text of a string literal \p E carries (also of a literal operator's
/// string, `"POST"_method`).
std::optional<llvm::StringRef> literalText(const Expr *E) {
  E = carried(E);
  if (const auto *Literal = dyn_cast<UserDefinedLiteral>(E))
    E = Literal->getCookedLiteral() ? carried(Literal->getCookedLiteral())
                                    : nullptr;
  const auto *String = dyn_cast_or_null<StringLiteral>(E);
  if (!String || String->getCharByteWidth() != 1)
    return std::nullopt;
  return String->getString();
}

/// Adds the methods \p E names to \p Methods, upper-case: enumerators
/// (`HTTPMethod::Post`), literal operators' strings (`"POST"_method`), a
/// braced list of them, or when \p Whole, the string it is ("GET").
void addMethods(const Expr *E, bool Whole,
                llvm::SmallVectorImpl<std::string> &Methods) {
  E = carried(E);
  std::optional<llvm::StringRef> Name;
  if (const auto *List = dyn_cast<InitListExpr>(E))
    for (const Expr *Element : List->inits())
      addMethods(Element, false, Methods);
  else if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    Name = isa<EnumConstantDecl>(Ref->getDecl())
               ? std::optional<llvm::StringRef>(Ref->getDecl()->getName())
               : std::nullopt;
  else if (Whole || isa<UserDefinedLiteral>(E))
    Name = literalText(E);
  if (Name && !Name->empty() && !llvm::is_contained(Methods, Name->upper()))
    Methods.push_back(Name->upper());
}

/// The call that \p Call is made on (`app.route("/x")` for
/// `app.route("/x").methods(...)`), if its object is one.
const CallExpr *calledOn(const CallExpr &Call) {
  const Expr *Object = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Object = Member->getImplicitObjectArgument();
  else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(&Call))
    Object = isa_and_nonnull<CXXMethodDecl>(Operator->getDirectCallee()) &&
                     Operator->getNumArgs() > 0
                 ? Operator->getArg(0)
                 : nullptr;
  return Object ? dyn_cast<CallExpr>(Object->IgnoreImplicit()->IgnoreParens())
                : nullptr;
}

/// The path of the class \p Function's class template is instantiated
/// with ("/api/v1/User"), or empty.
std::string classPath(const FunctionDecl &Function) {
  const auto *Spec =
      dyn_cast<ClassTemplateSpecializationDecl>(Function.getDeclContext());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return "";
  const CXXRecordDecl *Class =
      Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return Class ? "/" + llvm::join(llvm::split(qualifiedName(*Class), "::"), "/")
               : "";
}

} // namespace

std::string FrameworkTables::handlerSignalOf(const CallExpr &Connection) {
  const FunctionDecl *Callee = Connection.getDirectCallee();
  if (!Callee || Connection.getNumArgs() < 3 || !Callee->getIdentifier() ||
      Callee->getName() != "connect" ||
      !listed(qualifiedName(*Callee), SignalConnectors))
    return "";
  const auto *Address =
      dyn_cast<UnaryOperator>(Connection.getArg(1)->IgnoreParenImpCasts());
  const auto *Signal =
      Address && Address->getOpcode() == UO_AddrOf
          ? dyn_cast<DeclRefExpr>(Address->getSubExpr()->IgnoreParens())
          : nullptr;
  const auto *Method =
      Signal ? dyn_cast<CXXMethodDecl>(Signal->getDecl()) : nullptr;
  const CXXRecordDecl *Sender =
      underlyingRecord(Connection.getArg(0)->IgnoreParenImpCasts()->getType());
  if (!Method || !Method->getIdentifier() || !Sender || !Sender->hasDefinition())
    return "";
  // The sender's class or one of its bases declares it among the signals.
  std::string Found;
  auto Matches = [&](const CXXRecordDecl *Class) {
    for (const HandlerSignal &H : HandlerSignals)
      if (H.Signal == Method->getName() && H.Sender == qualifiedName(*Class))
        Found = qualifiedName(*Sender) + "::" + Method->getName().str();
    return Found.empty();
  };
  if (Matches(Sender))
    Sender->forallBases(Matches);
  return Found;
}

std::string FrameworkTables::routeOf(const CallExpr &Registration) {
  std::string Path, ClassPath;
  llvm::SmallVector<std::string, 2> Methods;
  llvm::StringRef Implied;
  // From the registration down the calls it is made on, to the path.
  for (const CallExpr *Call = &Registration; Call && Path.empty();
       Call = calledOn(*Call)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      continue;
    std::string Name = qualifiedName(*Callee);
    const auto *Row = llvm::find_if(
        RouteSources, [&](const RouteSource &R) { return R.Function == Name; });
    if (Row == std::end(RouteSources))
      continue;
    if (Call != &Registration && !Row->OnResult)
      break;
    auto Arg = [&](int Index) -> const Expr * {
      return Index != NoArgument && unsigned(Index) < Call->getNumArgs()
                 ? Call->getArg(Index)
                 : nullptr;
    };
    if (const Expr *PathArg = Arg(Row->Path)) {
      std::optional<llvm::StringRef> Literal = literalText(PathArg);
      if (!Literal || Literal->empty())
        return "";
      Path = Literal->str();
    }
    for (int I = Row->Methods; Arg(I); I = Row->MoreMethods ? I + 1 : NoArgument)
      addMethods(Arg(I), I == Row->Methods, Methods);
    if (Implied.empty())
      Implied = Row->Method;
    bool UnderClass = false;
    if (const Expr *Flag = Arg(Row->ClassPrefix))
      if (!Flag->isValueDependent() &&
          Flag->EvaluateAsBooleanCondition(UnderClass, Callee->getASTContext()) &&
          UnderClass)
        ClassPath = classPath(*Callee);
  }
  if (Path.empty())
    return "";
  if (!ClassPath.empty())
    Path = ClassPath + (llvm::StringRef(Path).starts_with("/") ? "" : "/") + Path;
  std::string Method = Methods.empty() ? Implied.str() : llvm::join(Methods, "|");
  return Method.empty() ? Path : Method + " " + Path;
}

std::string FrameworkTables::routeOf(const CXXMethodDecl &Method) {
  // The virtual function the method overrides, where it is introduced: in
  // the generated class that a class nested in the service declares.
  const CXXMethodDecl *Introduced = &Method;
  while (Introduced->size_overridden_methods() > 0)
    Introduced = *Introduced->begin_overridden_methods();
  const CXXRecordDecl *Generated = Introduced->getParent();
  const auto *Service = dyn_cast<CXXRecordDecl>(Generated->getDeclContext());
  if (Introduced == &Method || !Service || !Service->getIdentifier() ||
      !Generated->hasDefinition())
    return "";
  bool Rpc = false;
  Generated->forallBases([&](const CXXRecordDecl *Base) {
    std::string Name = qualifiedName(*Base);
    Rpc = llvm::any_of(HandlerBases, [&](const HandlerBase &B) {
      return B.RpcRoutes && B.Class == Name;
    });
    return !Rpc;
  });
  if (!Rpc)
    return "";
  return "/" + llvm::join(llvm::split(qualifiedName(*Service), "::"), ".") +
         "/" + Method.getNameAsString();
}

FrameworkTables::FrameworkTables(HandlerOptions Options)
    : Options(std::move(Options)) {
  for (llvm::StringRef Name : BuiltinRegistrars) {
    Registrars.insert(Name);
    // A C function's name is its last name.
    const size_t Scope = Name.rfind("::");
    RegistrarLastNames.insert(Scope == llvm::StringRef::npos
                                  ? Name
                                  : Name.drop_front(Scope + 2));
  }
}

bool FrameworkTables::isHandlerClass(const CXXRecordDecl &Class) const {
  const CXXRecordDecl *Definition = Class.getDefinition();
  if (!Definition || Definition->isDependentContext())
    return false;
  return llvm::any_of(Definition->methods(), [&](const CXXMethodDecl *Method) {
    return !handlerBaseOf(*Method).empty() || isHandlerFunction(*Method);
  });
}

bool FrameworkTables::isRegistrar(const FunctionDecl &Callee) const {
  const bool MayBeBuiltin = RegistrarLastNames.contains(Callee.getNameAsString());
  if (!MayBeBuiltin && Options.Registrars.empty())
    return false;
  std::string Name = qualifiedName(Callee);
  return Registrars.contains(Name) || Options.Registrars.matchesAny({Name});
}

bool FrameworkTables::isRouteTable(const FieldDecl &Field) const {
  return listed(qualifiedName(Field), RouteTables);
}

std::string FrameworkTables::handlerBaseOf(const CXXMethodDecl &Method) const {
  if (isa<CXXConstructorDecl, CXXDestructorDecl>(Method) || Method.isStatic())
    return "";
  const CXXRecordDecl *Class = Method.getParent();
  if (!Class->hasDefinition() || Class->isDependentContext())
    return "";
  const bool Overrides = Method.size_overridden_methods() > 0;
  std::string Found;
  Class->forallBases([&](const CXXRecordDecl *Base) {
    const NamedDecl *Named = Base;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Base))
      Named = Spec->getSpecializedTemplate();
    std::string Name = qualifiedName(*Named);
    const auto *Row = llvm::find_if(
        HandlerBases, [&](const HandlerBase &B) { return B.Class == Name; });
    bool Builtin = Row != std::end(HandlerBases);
    if ((Builtin && (Row->AllMethods || Overrides)) ||
        (!Builtin && Overrides && Options.BaseClasses.matchesAny({Name})))
      Found = Name;
    return Found.empty();
  });
  return Found;
}

template <size_t N>
static llvm::ArrayRef<llvm::StringLiteral>
methodsOf(llvm::StringRef Via, const MethodRegistration (&Table)[N]) {
  const auto *Row = llvm::find_if(
      Table, [&](const MethodRegistration &R) { return R.Via == Via; });
  if (Row == std::end(Table))
    return {};
  return llvm::ArrayRef<llvm::StringLiteral>(Row->Methods)
      .take_while([](llvm::StringRef M) { return !M.empty(); });
}

llvm::ArrayRef<llvm::StringLiteral>
FrameworkTables::objectHandlerMethods(const FunctionDecl &Callee) {
  return Callee.getIdentifier() ? methodsOf(qualifiedName(Callee), ObjectRegistrars)
                                : llvm::ArrayRef<llvm::StringLiteral>();
}

llvm::ArrayRef<llvm::StringLiteral>
FrameworkTables::middlewareMethods(const CXXRecordDecl &Host) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&Host);
  return Spec ? methodsOf(qualifiedName(*Spec->getSpecializedTemplate()),
                          MiddlewareHosts)
              : llvm::ArrayRef<llvm::StringLiteral>();
}

bool FrameworkTables::isStartUpMethod(const CXXMethodDecl &Method) {
  for (const CXXMethodDecl *Overridden : Method.overridden_methods())
    if (listed(qualifiedName(*Overridden), StartUpMethods) ||
        isStartUpMethod(*Overridden))
      return true;
  return false;
}

bool FrameworkTables::isHandlerFunction(const FunctionDecl &F) const {
  return !Options.Functions.empty() &&
         Options.Functions.matchesAny({qualifiedName(F)});
}

bool FrameworkTables::isPerRequestClass(const CXXRecordDecl &Class) {
  if (!Class.hasDefinition() || Class.isDependentContext())
    return false;
  bool Found = false;
  Class.forallBases([&](const CXXRecordDecl *Base) {
    Found = listed(qualifiedName(*Base), PerRequestBases);
    return !Found;
  });
  return Found;
}

bool FrameworkTables::startsThread(const FunctionDecl &Callee) {
  return listed(qualifiedName(Callee), ThreadStarters);
}

bool FrameworkTables::waitsForRequest(const FunctionDecl &Callee) {
  return listed(qualifiedName(Callee), RequestWaits);
}

bool FrameworkTables::runsServer(const FunctionDecl &Callee) {
  return listed(qualifiedName(Callee), ServerRuns);
}

bool FrameworkTables::isFrameworkCode(const Decl &D) {
  const NamespaceDecl *Innermost = nullptr, *Outermost = nullptr;
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (!NS->isInline() && !NS->isAnonymousNamespace()) {
        Innermost = Innermost ? Innermost : NS;
        Outermost = NS;
      }
  // The outermost namespace first: most declarations are in none of them.
  if (!Outermost || llvm::none_of(FrameworkNamespaces, [&](llvm::StringRef N) {
        return N.split("::").first == Outermost->getName();
      }))
    return false;
  std::string Path = qualifiedName(*Innermost) + "::";
  return llvm::any_of(FrameworkNamespaces, [&](llvm::StringRef N) {
    return llvm::StringRef(Path).starts_with((N + "::").str());
  });
}

bool FrameworkTables::wrapsCallable(const FunctionDecl &Callee) {
  return listed(qualifiedName(Callee), CallableWrappers);
}

bool FrameworkTables::invokesCallable(const FunctionDecl &Callee) {
  return listed(qualifiedName(Callee), Invokers);
}

bool FrameworkTables::storesElement(const CXXMethodDecl &Method) {
  return Method.getIdentifier() &&
         llvm::is_contained(ElementStorers, Method.getName());
}

} // namespace stateless

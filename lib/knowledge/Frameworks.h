//===--- Frameworks.h - how frameworks hand requests to user code ----------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Framework knowledge is data: the functions that register request handlers,
// the route tables handlers are assigned into, and the base classes whose
// overrides serve requests (tables in Frameworks.cpp), extended by the
// user's HandlerRegistrars, HandlerBaseClasses and HandlerFunctions options.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_FRAMEWORKS_H
#define STATELESS_LIB_FRAMEWORKS_H

#include "RegexList.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace stateless {

/// The user's additions to the built-in tables: regular expressions matched
/// against whole qualified names.
struct HandlerOptions {
  RegexList Functions;   ///< functions that are handlers themselves
  RegexList Registrars;  ///< functions whose callable arguments are handlers
  RegexList BaseClasses; ///< classes whose overrides (in subclasses) are handlers
};

/// How a framework hands requests to user code.
class FrameworkTables {
public:
  explicit FrameworkTables(HandlerOptions Options);

  /// True for a function that registers its callable arguments as request
  /// handlers (`httplib::Server::Post`, `crow::TaggedRule::operator()`, ...).
  bool isRegistrar(const clang::FunctionDecl &Callee) const;

  /// The signal, named by the sender's class ("QTcpSocket::readyRead"),
  /// when \p Connection connects code to a signal a client's request raises
  /// (Qt's QObject::connect); empty otherwise. What it connects serves
  /// requests.
  static std::string handlerSignalOf(const clang::CallExpr &Connection);

  /// The route \p Registration names for the handlers it registers, from
  /// the literal path and the method it or the calls on the object it is
  /// called on give (Crow's `app.route("/x").methods("POST"_method)`):
  /// "POST /x"; the path alone where no method is named. Empty without a
  /// literal path.
  static std::string routeOf(const clang::CallExpr &Registration);

  /// The route a handler base class names \p Method by (a gRPC service's
  /// "/helloworld.Greeter/SayHello"); empty when it names none.
  static std::string routeOf(const clang::CXXMethodDecl &Method);

  /// True for a data member that maps routes to handlers, so that a callable
  /// assigned into it is a handler (Simple-Web-Server's `resource`).
  bool isRouteTable(const clang::FieldDecl &Field) const;

  /// A class some of whose methods serve requests (because of a handler
  /// base class, or the HandlerFunctions option).
  bool isHandlerClass(const clang::CXXRecordDecl &Class) const;

  /// When \p Method serves requests because of a handler base class of its
  /// class, that base class's qualified name; empty otherwise.
  std::string handlerBaseOf(const clang::CXXMethodDecl &Method) const;

  /// The methods that serve requests of the objects \p Callee registers
  /// (RESTinio's `connection_state_listener(listener)`: `state_changed`).
  static llvm::ArrayRef<llvm::StringLiteral>
  objectHandlerMethods(const clang::FunctionDecl &Callee);

  /// The methods that serve requests of the classes \p Host is
  /// instantiated with (Crow's app and its middlewares: `before_handle`).
  static llvm::ArrayRef<llvm::StringLiteral>
  middlewareMethods(const clang::CXXRecordDecl &Host);

  /// True for an override of a method frameworks call while the service
  /// starts (Drogon's `Plugin::initAndStart`): start-up code.
  static bool isStartUpMethod(const clang::CXXMethodDecl &Method);

  /// True when the HandlerFunctions option names \p F.
  bool isHandlerFunction(const clang::FunctionDecl &F) const;

  /// Classes whose objects a framework creates for each request or call
  /// (Poco's HTTPRequestHandler, gRPC's reactors): their members are
  /// request state.
  static bool isPerRequestClass(const clang::CXXRecordDecl &Class);

  /// Functions and constructors that start a thread running their callable
  /// argument (`std::thread`, `pthread_create`, `std::async`, ...).
  static bool startsThread(const clang::FunctionDecl &Callee);

  /// Calls that block until the next request or connection arrives and
  /// return it (a blocking `accept`, gRPC's `CompletionQueue::Next`): what
  /// a loop around one calls next serves that request.
  static bool waitsForRequest(const clang::FunctionDecl &Callee);

  /// Calls that run a server until it stops (`io_context::run`,
  /// `httplib::Server::listen`, `grpc::Server::Wait`, ...).
  static bool runsServer(const clang::FunctionDecl &Callee);

  /// Declared in one of the frameworks' own namespaces (`crow`, `drogon`,
  /// `boost::asio`, ...): library code, even when the framework's headers
  /// are not system headers.
  static bool isFrameworkCode(const clang::Decl &D);

  /// Functions that wrap the callables they are given and pass them on
  /// (`std::bind`, `boost::beast::bind_front_handler`, `Routes::bind`, ...).
  static bool wrapsCallable(const clang::FunctionDecl &Callee);

  /// Functions that call their first argument (`std::invoke`, `std::apply`).
  static bool invokesCallable(const clang::FunctionDecl &Callee);

  /// Methods of containers that store their arguments as elements
  /// (`push_back`, `emplace`, `insert_or_assign`, ...).
  static bool storesElement(const clang::CXXMethodDecl &Method);

private:
  HandlerOptions Options;
  llvm::StringSet<> Registrars;
  llvm::StringSet<> RegistrarLastNames; // a quick filter before full names
};

} // namespace stateless

#endif

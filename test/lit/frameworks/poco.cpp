// A Poco HTTP server (the real Debian <Poco/...> headers): a request handler
// factory and the handlers it creates.
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17

#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <atomic>
#include <string>

using namespace Poco::Net;

std::atomic<int> handlers_created{0};
// CHECK-NOTES: :[[@LINE-1]]:18: warning: global variable 'handlers_created' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+21]]:5: note: 'handlers_created' is modified here
// CHECK-NOTES: :[[@LINE+19]]:23: note: reached from handler 'UploadHandlerFactory::createRequestHandler', a method of a subclass of 'Poco::Net::HTTPRequestHandlerFactory'

class UploadHandler : public HTTPRequestHandler {
public:
  void handleRequest(HTTPServerRequest &request, HTTPServerResponse &response) override {
    Poco::FileOutputStream out("/var/lib/uploads/" + request.getURI().substr(1));
    // CHECK-NOTES: :[[@LINE-1]]:28: warning: 'Poco::FileOutputStream' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
    // CHECK-NOTES: :[[@LINE-3]]:8: note: reached from handler 'UploadHandler::handleRequest', a method of a subclass of 'Poco::Net::HTTPRequestHandler'
    Poco::StreamCopier::copyStream(request.stream(), out);
    Poco::File("/var/lib/uploads/.tmp").remove();
    // CHECK-NOTES: :[[@LINE-1]]:41: warning: 'Poco::File::remove' deletes a file on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
    // CHECK-NOTES: :[[@LINE-7]]:8: note: reached from handler 'UploadHandler::handleRequest', a method of a subclass of 'Poco::Net::HTTPRequestHandler'
    response.setStatus(HTTPResponse::HTTP_CREATED);
    response.send();
  }
};

class UploadHandlerFactory : public HTTPRequestHandlerFactory {
public:
  HTTPRequestHandler *createRequestHandler(const HTTPServerRequest &) override {
    ++handlers_created;
    return new UploadHandler;
  }
};

int main() {
  Poco::File("/var/lib/uploads").createDirectories(); // start-up
  HTTPServer server(new UploadHandlerFactory, ServerSocket(8080),
                    new HTTPServerParams);
  server.start();
}

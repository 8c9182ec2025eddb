// A Qt HTTP Server service (the real Debian Qt 6 headers): routes given to
// QHttpServer::route as lambdas.
// REQUIRES: qt6-httpserver
// RUN: %check_stateless %s stateless-local-fs-write,stateless-instance-timer,stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 %qt6_flags

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QTimer>
#include <QtHttpServer/QHttpServer>

QHash<QString, QByteArray> notes;
// CHECK-NOTES: :[[@LINE-1]]:28: warning: global container 'notes' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+10]]:18: note: 'notes' is modified here
// CHECK-NOTES: :[[@LINE+7]]:10: note: reached from handler 'POST /notes/<arg>' (a lambda) registered here with 'QHttpServer::route'

int main(int argc, char *argv[]) {
  QCoreApplication app(argc, argv);
  QDir().mkpath("/var/lib/notes"); // start-up
  QHttpServer server;

  server.route("/notes/<arg>", QHttpServerRequest::Method::Post,
               [](const QString &id, const QHttpServerRequest &request) {
                 notes.insert(id, request.body());
                 QFile file("/var/lib/notes/" + id);
                 file.open(QIODevice::WriteOnly | QIODevice::Truncate);
                 // CHECK-NOTES: :[[@LINE-1]]:23: warning: 'QFile::open' opens a file for writing on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
                 // CHECK-NOTES: :[[@LINE-6]]:10: note: reached from handler 'POST /notes/<arg>' (a lambda) registered here with 'QHttpServer::route'
                 file.write(request.body());
                 QTimer::singleShot(60000, [id] { notes.remove(id); });
                 // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'QTimer::singleShot' schedules a delayed job in this instance while serving a request: the job runs on this instance only and is lost when it stops; use an external scheduler or a job queue [stateless-instance-timer]
                 // CHECK-NOTES: :[[@LINE-10]]:10: note: reached from handler 'POST /notes/<arg>' (a lambda) registered here with 'QHttpServer::route'
                 return QHttpServerResponse(QHttpServerResponder::StatusCode::Created);
               });

  server.route("/notes/<arg>", QHttpServerRequest::Method::Get,
               [](const QString &id) {
                 QFile file("/var/lib/notes/" + id);
                 file.open(QIODevice::ReadOnly); // reading is fine
                 return QHttpServerResponse(file.readAll());
               });

  server.listen(QHostAddress::Any, 8080);
  return app.exec();
}

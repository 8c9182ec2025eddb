// A Qt service that serves its clients on sockets (the real Debian Qt 6
// headers): what a connection to a signal a client's request raises runs
// (QTcpServer::newConnection, QTcpSocket::readyRead, QWebSocket messages)
// is request code; other signal connections (aboutToQuit) are not. The
// server is no state, whatever its accept does to it.
// REQUIRES: qt6-httpserver
// RUN: %check_stateless %s stateless-mutable-global,stateless-static-session-map %t -- -std=c++17 %qt6_flags

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

QHash<QByteArray, QTcpSocket *> rooms;
// CHECK-NOTES: :[[@LINE-1]]:33: warning: global container 'rooms' is modified after start-up: entries stored in one instance are missing from the others and lost on restart [stateless-static-session-map]
// CHECK-NOTES: :[[@LINE+15]]:7: note: 'rooms' is modified here
// CHECK-NOTES: :[[@LINE+13]]:5: note: reached from handler 'QTcpSocket::readyRead' (a lambda) registered here with 'QObject::connect'
QList<QTcpSocket *> clients;
// CHECK-NOTES: :[[@LINE-1]]:21: warning: global variable 'clients' is modified after start-up: its value is per-instance and lost on restart [stateless-mutable-global]
// CHECK-NOTES: :[[@LINE+9]]:5: note: 'clients' is modified here
// CHECK-NOTES: :[[@LINE+6]]:3: note: reached from handler 'QTcpServer::newConnection' (a lambda) registered here with 'QObject::connect'
bool stopping = false;

int main(int argc, char *argv[]) {
  QCoreApplication app(argc, argv);
  QTcpServer server;
  QObject::connect(&server, &QTcpServer::newConnection, [&server] {
    QTcpSocket *socket = server.nextPendingConnection();
    clients.append(socket);
    QObject::connect(socket, &QTcpSocket::readyRead, [socket] {
      rooms.insert(socket->readLine().trimmed(), socket);
    });
  });
  QObject::connect(&app, &QCoreApplication::aboutToQuit, [] { stopping = true; });
  server.listen(QHostAddress::Any, 9000);
  return app.exec();
}

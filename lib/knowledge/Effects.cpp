//===--- Effects.cpp - calls that write local files or arm timers ----------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Effects.h"
#include "KnownTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace clang;

namespace stateless {
namespace {

/// When a call counts, judged from one of its arguments.
enum class When {
  Always,
  ModeLetters,     ///< a string mode with 'w', 'a' or '+' (fopen)
  AnyBits,         ///< a constant with one of Value's bits set (open flags)
  AnyBitsOrAbsent, ///< the same, or the argument left to its default
  NamedFile,       ///< the argument names a file (not a moved-from stream)
  NotInMemory,     ///< the database name is not ":memory:"
  AtLeast,         ///< a constant of at least Value (beast::file_mode)
  Equals,          ///< a constant equal to Value
  NonZero,         ///< given, and not the constant 0 (a repeat interval)
  TypeArgument,    ///< the class has Class among its template arguments, at
                   ///< any depth (Crow's app and its middlewares)
  WritesSql,       ///< SQL text that starts with a statement that writes
  Connector,       ///< the connector named is Class's ("sqlite"): a string
                   ///< starting with it, in any case ("SQLite"), or a
                   ///< constant whose qualified name has it
                   ///< (`Poco::Data::SQLite::Connector::KEY`, `soci::sqlite3`)
  KeptFile,        ///< the stream written (the argument, or with CalledOn
                   ///< the object called) is a file stream, FILE * or file
                   ///< descriptor that a member or a static variable keeps
                   ///< open
};

/// Condition::Arg for the object a method is called on.
constexpr unsigned CalledOn = ~0u;

struct Condition {
  When Test = When::Always;
  unsigned Arg = 0;
  long long Value = 0;
  llvm::StringLiteral Class = "";
};

struct Rule {
  llvm::StringLiteral Name; ///< function, method or constructor
  EffectKind Kind;
  llvm::StringLiteral Action;
  Condition First = {};
  Condition Second = {};
  /// Several calls on one object (a timer armed again and again) are one
  /// finding.
  bool PerObject = false;
  Recurrence Recurs = Recurrence::Once;
};

constexpr auto File = EffectKind::FileWrite;
constexpr auto Timer = EffectKind::Timer;
constexpr auto Sessions = EffectKind::SessionStore;
constexpr auto Database = EffectKind::DatabaseWrite;
constexpr auto Repeats = Recurrence::Repeats;
constexpr auto IfRearmed = Recurrence::IfRearmed;
constexpr auto IfLoops = Recurrence::IfLoops;
// cv::FileStorage::WRITE|APPEND.
constexpr long long FileStorageWriteModes = 1 | 2;

// open(2) flags that write: O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND (Linux).
constexpr long long OpenWriteFlags = 01 | 02 | 0100 | 01000 | 02000;
// std::ios_base::app|out|trunc (the same bits in libstdc++ and libc++).
constexpr long long StreamWriteModes = 1 | 16 | 32;
// QIODevice::WriteOnly|Append|Truncate (ReadWrite includes WriteOnly).
constexpr long long QtWriteModes = 0x2 | 0x4 | 0x8;
// Flags libraries declare `extern const`, with the values they are defined
// with: their headers do not show them.
struct KnownConstant {
  llvm::StringLiteral Name;
  long long Value;
};
constexpr KnownConstant KnownConstants[] = {
    // SQLiteCpp's open flags (SQLite's SQLITE_OPEN_* values).
    {"SQLite::OPEN_READONLY", 0x1},
    {"SQLite::OPEN_READWRITE", 0x2},
    {"SQLite::OPEN_CREATE", 0x4},
    {"SQLite::OPEN_URI", 0x40},
    {"SQLite::OPEN_MEMORY", 0x80},
    {"SQLite::OPEN_NOMUTEX", 0x8000},
    {"SQLite::OPEN_FULLMUTEX", 0x10000},
    {"SQLite::OPEN_SHAREDCACHE", 0x20000},
    {"SQLite::OPEN_PRIVATECACHE", 0x40000},
    {"SQLite::OPEN_NOFOLLOW", 0x1000000},
};

// SQLITE_OPEN_READWRITE|SQLITE_OPEN_CREATE; SQLiteCpp uses the same values.
constexpr long long SqliteWriteFlags = 0x2 | 0x4;

constexpr Rule Rules[] = {
    // C and POSIX.
    {"fopen", File, "opens a file for writing", {When::ModeLetters, 1}, {}, true},
    {"fopen64", File, "opens a file for writing", {When::ModeLetters, 1}},
    {"freopen", File, "opens a file for writing", {When::ModeLetters, 1}},
    {"tmpfile", File, "creates a temporary file"},
    {"remove", File, "deletes a file"},
    {"rename", File, "moves a file"},
    {"renameat", File, "moves a file"},
    {"renameat2", File, "moves a file"},
    {"open", File, "opens a file for writing", {When::AnyBits, 1, OpenWriteFlags}},
    {"open64", File, "opens a file for writing", {When::AnyBits, 1, OpenWriteFlags}},
    {"openat", File, "opens a file for writing", {When::AnyBits, 2, OpenWriteFlags}},
    {"creat", File, "creates a file"},
    {"mkdir", File, "creates a directory"},
    {"mkdirat", File, "creates a directory"},
    {"rmdir", File, "deletes a directory"},
    {"unlink", File, "deletes a file"},
    {"unlinkat", File, "deletes a file"},
    {"link", File, "creates a link"},
    {"linkat", File, "creates a link"},
    {"symlink", File, "creates a link"},
    {"symlinkat", File, "creates a link"},
    {"truncate", File, "truncates a file"},
    {"ftruncate", File, "truncates a file"},
    {"mkstemp", File, "creates a temporary file"},
    {"mkstemps", File, "creates a temporary file"},
    {"mkostemp", File, "creates a temporary file"},
    {"mkdtemp", File, "creates a temporary directory"},
    {"mkfifo", File, "creates a file"},
    {"mknod", File, "creates a file"},
    {"chmod", File, "changes a file's permissions"},
    {"chown", File, "changes a file's owner"},
    // iostreams.
    {"std::basic_ofstream::basic_ofstream", File, "opens a file for writing", {When::NamedFile, 0}},
    {"std::basic_ofstream::open", File, "opens a file for writing", {}, {}, true},
    {"std::basic_fstream::basic_fstream", File, "opens a file for writing",
     {When::NamedFile, 0}, {When::AnyBitsOrAbsent, 1, StreamWriteModes}},
    {"std::basic_fstream::open", File, "opens a file for writing", {When::AnyBitsOrAbsent, 1, StreamWriteModes}, {}, true},
    {"std::basic_filebuf::open", File, "opens a file for writing", {When::AnyBits, 1, StreamWriteModes}},
    {"boost::filesystem::basic_ofstream::basic_ofstream", File, "opens a file for writing", {When::NamedFile, 0}},
    {"boost::filesystem::basic_ofstream::open", File, "opens a file for writing"},
    {"boost::filesystem::basic_fstream::basic_fstream", File, "opens a file for writing",
     {When::NamedFile, 0}, {When::AnyBitsOrAbsent, 1, StreamWriteModes}},
    // std::filesystem and boost::filesystem.
    {"std::filesystem::create_directory", File, "creates a directory"},
    {"std::filesystem::create_directories", File, "creates directories"},
    {"std::filesystem::create_directory_symlink", File, "creates a link"},
    {"std::filesystem::create_hard_link", File, "creates a link"},
    {"std::filesystem::create_symlink", File, "creates a link"},
    {"std::filesystem::copy", File, "copies files"},
    {"std::filesystem::copy_file", File, "copies a file"},
    {"std::filesystem::copy_symlink", File, "copies a link"},
    {"std::filesystem::remove", File, "deletes a file"},
    {"std::filesystem::remove_all", File, "deletes files"},
    {"std::filesystem::rename", File, "moves a file"},
    {"std::filesystem::resize_file", File, "truncates a file"},
    {"std::filesystem::permissions", File, "changes a file's permissions"},
    {"boost::filesystem::create_directory", File, "creates a directory"},
    {"boost::filesystem::create_directories", File, "creates directories"},
    {"boost::filesystem::create_directory_symlink", File, "creates a link"},
    {"boost::filesystem::create_hard_link", File, "creates a link"},
    {"boost::filesystem::create_symlink", File, "creates a link"},
    {"boost::filesystem::copy", File, "copies files"},
    {"boost::filesystem::copy_file", File, "copies a file"},
    {"boost::filesystem::remove", File, "deletes a file"},
    {"boost::filesystem::remove_all", File, "deletes files"},
    {"boost::filesystem::rename", File, "moves a file"},
    {"boost::filesystem::resize_file", File, "truncates a file"},
    {"boost::filesystem::permissions", File, "changes a file's permissions"},
    {"boost::filesystem::save_string_file", File, "writes a file"},
    // Qt.
    {"QFile::open", File, "opens a file for writing", {When::AnyBits, 0, QtWriteModes}},
    {"QSaveFile::open", File, "opens a file for writing", {When::AnyBits, 0, QtWriteModes}},
    {"QTemporaryFile::open", File, "creates a temporary file"},
    {"QFile::remove", File, "deletes a file"},
    {"QFile::rename", File, "moves a file"},
    {"QFile::copy", File, "copies a file"},
    {"QFile::link", File, "creates a link"},
    {"QFile::resize", File, "truncates a file"},
    {"QFile::setPermissions", File, "changes a file's permissions"},
    {"QFile::moveToTrash", File, "deletes a file"},
    {"QDir::mkdir", File, "creates a directory"},
    {"QDir::mkpath", File, "creates directories"},
    {"QDir::rmdir", File, "deletes a directory"},
    {"QDir::rmpath", File, "deletes directories"},
    {"QDir::remove", File, "deletes a file"},
    {"QDir::rename", File, "moves a file"},
    {"QDir::removeRecursively", File, "deletes files"},
    // Poco.
    {"Poco::FileOutputStream::FileOutputStream", File, "opens a file for writing"},
    {"Poco::FileStream::FileStream", File, "opens a file for writing", {When::NamedFile, 0}},
    {"Poco::File::createFile", File, "creates a file"},
    {"Poco::File::createDirectory", File, "creates a directory"},
    {"Poco::File::createDirectories", File, "creates directories"},
    {"Poco::File::remove", File, "deletes a file"},
    {"Poco::File::renameTo", File, "moves a file"},
    {"Poco::File::copyTo", File, "copies a file"},
    {"Poco::File::moveTo", File, "moves a file"},
    {"Poco::File::setSize", File, "truncates a file"},
    {"Poco::File::linkTo", File, "creates a link"},
    // Local databases.
    {"sqlite3_open", File, "opens a SQLite database file", {When::NotInMemory, 0}},
    {"sqlite3_open16", File, "opens a SQLite database file", {When::NotInMemory, 0}},
    {"sqlite3_open_v2", File, "opens a SQLite database file",
     {When::NotInMemory, 0}, {When::AnyBits, 2, SqliteWriteFlags}},
    {"SQLite::Database::Database", File, "opens a SQLite database file",
     {When::NotInMemory, 0}, {When::AnyBits, 1, SqliteWriteFlags}},
    // Statements that write a SQLite database, given as SQL text.
    {"sqlite3_exec", Database, "writes a SQLite database", {When::WritesSql, 1}},
    {"sqlite3_prepare", Database, "writes a SQLite database", {When::WritesSql, 1}},
    {"sqlite3_prepare_v2", Database, "writes a SQLite database", {When::WritesSql, 1}},
    {"sqlite3_prepare_v3", Database, "writes a SQLite database", {When::WritesSql, 1}},
    {"SQLite::Database::exec", Database, "writes a SQLite database", {When::WritesSql, 0}},
    {"SQLite::Database::tryExec", Database, "writes a SQLite database", {When::WritesSql, 0}},
    {"SQLite::Statement::Statement", Database, "writes a SQLite database", {When::WritesSql, 1}},
    // POCO Data and SOCI: a session whose connector is SQLite's, and the
    // SQL streamed into a session or statement (`session << "INSERT ..."`;
    // a member operator's first argument is its object).
    {"Poco::Data::Session::Session", File, "opens a SQLite database file",
     {When::Connector, 0, 0, "sqlite"}, {When::NotInMemory, 1}},
    {"Poco::Data::SessionPool::SessionPool", File, "opens a SQLite database file",
     {When::Connector, 0, 0, "sqlite"}, {When::NotInMemory, 1}},
    {"Poco::Data::SessionFactory::create", File, "opens a SQLite database file",
     {When::Connector, 0, 0, "sqlite"}, {When::NotInMemory, 1}},
    {"Poco::Data::Session::operator<<", Database, "writes a SQLite database", {When::WritesSql, 1}},
    {"Poco::Data::Statement::operator<<", Database, "writes a SQLite database", {When::WritesSql, 1}},
    {"soci::session::session", File, "opens a SQLite database file",
     {When::Connector, 0, 0, "sqlite"}, {When::NotInMemory, 1}},
    {"soci::session::open", File, "opens a SQLite database file",
     {When::Connector, 0, 0, "sqlite"}, {When::NotInMemory, 1}},
    {"soci::session::operator<<", Database, "writes a SQLite database", {When::WritesSql, 1}},
    // Embedded key-value stores keep their data in files on this host too.
    {"leveldb::DB::Open", File, "opens a LevelDB database"},
    {"leveldb::DB::Put", Database, "writes a LevelDB database"},
    {"leveldb::DB::Delete", Database, "writes a LevelDB database"},
    {"leveldb::DB::Write", Database, "writes a LevelDB database"},
    {"leveldb_open", File, "opens a LevelDB database"},
    {"leveldb_put", Database, "writes a LevelDB database"},
    {"leveldb_delete", Database, "writes a LevelDB database"},
    {"leveldb_write", Database, "writes a LevelDB database"},
    {"mdb_env_open", File, "opens an LMDB database"},
    {"mdb_put", Database, "writes an LMDB database"},
    {"mdb_del", Database, "writes an LMDB database"},
    {"mdb_drop", Database, "writes an LMDB database"},
    {"mdb_cursor_put", Database, "writes an LMDB database"},
    {"mdb_cursor_del", Database, "writes an LMDB database"},
    // oatpp: a multipart part streamed into a file, a file stream.
    {"oatpp::web::mime::multipart::createFilePartReader", File,
     "streams an uploaded part into a local file"},
    {"oatpp::web::mime::multipart::createAsyncFilePartReader", File,
     "streams an uploaded part into a local file"},
    {"oatpp::data::stream::FileOutputStream::FileOutputStream", File,
     "opens a file for writing"},
    // Images, videos and data files (OpenCV).
    {"cv::imwrite", File, "writes an image file"},
    {"cv::imwritemulti", File, "writes an image file"},
    {"cv::VideoWriter::VideoWriter", File, "opens a video file for writing", {When::NamedFile, 0}},
    {"cv::VideoWriter::open", File, "opens a video file for writing"},
    {"cv::FileStorage::FileStorage", File, "opens a file for writing",
     {When::NamedFile, 0}, {When::AnyBits, 1, FileStorageWriteModes}},
    {"cv::FileStorage::open", File, "opens a file for writing", {When::AnyBits, 1, FileStorageWriteModes}},
    // Log files (spdlog, Boost.Log): made per request, a log on this disk.
    {"spdlog::basic_logger_mt", File, "opens a log file"},
    {"spdlog::basic_logger_st", File, "opens a log file"},
    {"spdlog::rotating_logger_mt", File, "opens a log file"},
    {"spdlog::rotating_logger_st", File, "opens a log file"},
    {"spdlog::daily_logger_mt", File, "opens a log file"},
    {"spdlog::daily_logger_st", File, "opens a log file"},
    {"spdlog::hourly_logger_mt", File, "opens a log file"},
    {"spdlog::hourly_logger_st", File, "opens a log file"},
    {"spdlog::sinks::basic_file_sink::basic_file_sink", File, "opens a log file"},
    {"spdlog::sinks::rotating_file_sink::rotating_file_sink", File, "opens a log file"},
    {"spdlog::sinks::daily_file_sink::daily_file_sink", File, "opens a log file"},
    {"spdlog::sinks::hourly_file_sink::hourly_file_sink", File, "opens a log file"},
    {"boost::log::add_file_log", File, "opens a log file"},
    {"boost::log::sinks::text_file_backend::text_file_backend", File, "opens a log file"},
    // Writes to a file a member or a static variable keeps open: matched
    // with where it was opened (a database write, as for SQLite's handles).
    {"std::basic_ostream::write", Database, "writes the file", {When::KeptFile, CalledOn}, {}, true},
    {"std::basic_ostream::put", Database, "writes the file", {When::KeptFile, CalledOn}, {}, true},
    {"std::basic_ostream::operator<<", Database, "writes the file", {When::KeptFile, 0}, {}, true},
    {"std::operator<<", Database, "writes the file", {When::KeptFile, 0}, {}, true},
    {"fwrite", Database, "writes the file", {When::KeptFile, 3}, {}, true},
    {"fputs", Database, "writes the file", {When::KeptFile, 1}, {}, true},
    {"fputc", Database, "writes the file", {When::KeptFile, 1}, {}, true},
    {"putc", Database, "writes the file", {When::KeptFile, 1}, {}, true},
    {"fprintf", Database, "writes the file", {When::KeptFile, 0}, {}, true},
    {"vfprintf", Database, "writes the file", {When::KeptFile, 0}, {}, true},
    {"write", Database, "writes the file", {When::KeptFile, 0}, {}, true},
    {"pwrite", Database, "writes the file", {When::KeptFile, 0}, {}, true},
    {"pwrite64", Database, "writes the file", {When::KeptFile, 0}, {}, true},
    {"writev", Database, "writes the file", {When::KeptFile, 0}, {}, true},
    {"pwritev", Database, "writes the file", {When::KeptFile, 0}, {}, true},
    {"ftruncate", Database, "truncates the file", {When::KeptFile, 0}, {}, true},
    // Framework helpers that save uploads and responses to disk.
    {"drogon::HttpFile::save", File, "saves an upload to a file"},
    {"drogon::HttpFile::saveAs", File, "saves an upload to a file"},
    {"oatpp::data::stream::FileOutputStream::FileOutputStream", File, "opens a file for writing"},
    {"concurrency::streams::file_stream::open_ostream", File, "opens a file for writing"},
    {"concurrency::streams::fstream::open_ostream", File, "opens a file for writing"},
    {"boost::beast::file_posix::open", File, "opens a file for writing", {When::AtLeast, 1, 2}},
    {"boost::beast::file_stdio::open", File, "opens a file for writing", {When::AtLeast, 1, 2}},

    // Timers, scheduled jobs, background threads.
    {"boost::asio::basic_waitable_timer::async_wait", Timer, "arms a timer", {}, {}, true, IfRearmed},
    {"boost::asio::basic_deadline_timer::async_wait", Timer, "arms a timer", {}, {}, true, IfRearmed},
    {"asio::basic_waitable_timer::async_wait", Timer, "arms a timer", {}, {}, true, IfRearmed},
    {"asio::basic_deadline_timer::async_wait", Timer, "arms a timer", {}, {}, true, IfRearmed},
    {"timer_create", Timer, "creates a POSIX timer"},
    {"timerfd_create", Timer, "creates a timer file descriptor"},
    {"setitimer", Timer, "arms the process's interval timer"},
    {"alarm", Timer, "arms the process's alarm"},
    {"std::thread::detach", Timer, "detaches a background thread", {}, {}, true},
    {"boost::thread::detach", Timer, "detaches a background thread", {}, {}, true},
    {"pthread_create", Timer, "starts a background thread", {}, {}, false, Recurrence::IfLoopsElseOnce},
    {"std::thread::thread", Timer, "starts a thread", {}, {}, false, IfLoops},
    {"std::jthread::jthread", Timer, "starts a thread", {}, {}, false, IfLoops},
    {"boost::thread::thread", Timer, "starts a thread", {}, {}, false, IfLoops},
    {"std::async", Timer, "starts a task", {}, {}, false, IfLoops},
    {"QThread::create", Timer, "starts a thread", {}, {}, false, IfLoops},
    {"QtConcurrent::run", Timer, "starts a task", {}, {}, false, IfLoops},
    {"trantor::EventLoop::runAfter", Timer, "schedules a delayed job"},
    {"trantor::EventLoop::runAt", Timer, "schedules a delayed job"},
    {"trantor::EventLoop::runEvery", Timer, "schedules a periodic job", {}, {}, false, Repeats},
    {"drogon::CacheMap::runAfter", Timer, "schedules a delayed job"},
    {"drogon::CacheMap::insert", Timer, "schedules the entry's expiry", {When::NonZero, 2}},
    {"uv_timer_start", Timer, "arms a periodic libuv timer", {When::NonZero, 3}, {}, false, Repeats},
    {"uv_timer_start", Timer, "arms a libuv timer"},
    {"us_timer_set", Timer, "arms a periodic uSockets timer", {When::NonZero, 3}, {}, false, Repeats},
    {"us_timer_set", Timer, "arms a uSockets timer"},
    {"event_new", Timer, "creates a libevent timer", {When::Equals, 1, -1}},
    {"QTimer::start", Timer, "starts a repeating timer", {}, {}, true, Repeats},
    {"QTimer::setSingleShot", Timer, "", {When::NonZero, 0}, {}, true, Recurrence::MakesSingleShot},
    {"QTimer::singleShot", Timer, "schedules a delayed job"},
    {"QObject::startTimer", Timer, "starts a repeating timer", {}, {}, true, Repeats},
    {"Poco::Util::Timer::schedule", Timer, "schedules a periodic job", {When::NonZero, 2}, {}, true, Repeats},
    {"Poco::Util::Timer::schedule", Timer, "schedules a job", {}, {}, true},
    {"Poco::Util::Timer::scheduleAtFixedRate", Timer, "schedules a periodic job", {}, {}, true, Repeats},
    {"Poco::Timer::start", Timer, "starts a periodic timer", {}, {}, true, Repeats},
    {"grpc::Alarm::Set", Timer, "arms an alarm", {}, {}, true},
    {"websocketpp::transport::asio::endpoint::set_timer", Timer, "arms a timer"},
    {"websocketpp::transport::asio::connection::set_timer", Timer, "arms a timer"},

    // Session stores that keep every session in this instance.
    {"drogon::HttpAppFramework::enableSession", Sessions,
     "keeps every session in this instance's memory"},
    {"crow::Crow::Crow", Sessions,
     "keeps every session in this instance's memory (crow::InMemoryStore)",
     {When::TypeArgument, 0, 0, "crow::InMemoryStore"}},
    {"crow::Crow::Crow", Sessions,
     "keeps every session in files on this instance's disk (crow::FileStore)",
     {When::TypeArgument, 0, 0, "crow::FileStore"}},
};

// Calls that pause the thread: in a loop, they make a schedule.
constexpr llvm::StringLiteral Sleeps[] = {
    "std::this_thread::sleep_for", "std::this_thread::sleep_until",
    "boost::this_thread::sleep_for", "boost::this_thread::sleep_until",
    "boost::this_thread::sleep", "sleep", "usleep", "nanosleep",
    "clock_nanosleep", "QThread::sleep", "QThread::msleep", "QThread::usleep",
    "std::condition_variable::wait_for", "std::condition_variable::wait_until",
    "std::condition_variable_any::wait_for",
    "std::condition_variable_any::wait_until",
    "Poco::Thread::sleep",
    // A synchronous wait on a timer.
    "boost::asio::basic_deadline_timer::wait",
    "boost::asio::basic_waitable_timer::wait",
    "asio::basic_deadline_timer::wait",
    "asio::basic_waitable_timer::wait",
};

// Calls that block until input arrives.
constexpr llvm::StringLiteral InputWaits[] = {
    "fgets", "fgetc", "getc", "getchar", "getline", "getdelim", "scanf",
    "fscanf", "read", "recv", "recvfrom", "recvmsg", "accept", "accept4",
    "poll", "ppoll", "select", "pselect", "epoll_wait", "epoll_pwait",
    "msgrcv", "mq_receive", "std::getline", "std::condition_variable::wait",
    "std::condition_variable_any::wait", "boost::condition_variable::wait",
    "std::istream::getline", "std::basic_istream::getline",
    "std::basic_istream::operator>>", "std::operator>>",
};

// Methods that close or cancel a connection, a stream or a socket.
constexpr llvm::StringLiteral Closers[] = {
    "close", "shutdown", "cancel", "async_close", "async_shutdown",
    "force_close", "forceClose",
};

// Factories that construct the class they are instantiated with from
// their arguments.
constexpr llvm::StringLiteral Factories[] = {
    "std::make_shared", "std::make_unique", "boost::make_shared",
    "boost::make_unique",
};

/// The type a factory such as std::make_shared<T> constructs, or null.
QualType madeBy(const FunctionDecl &Callee) {
  const TemplateArgumentList *Args = Callee.getTemplateSpecializationArgs();
  if (!Args || Args->size() == 0 ||
      Args->get(0).getKind() != TemplateArgument::Type ||
      !Callee.getIdentifier() || !Callee.getName().starts_with("make_") ||
      !listed(qualifiedName(Callee), Factories))
    return QualType();
  return Args->get(0).getAsType();
}

/// Rules by name, and the last components of those names as a quick filter.
struct RuleIndex {
  llvm::StringMap<llvm::SmallVector<const Rule *, 2>> ByName;
  llvm::StringSet<> LastNames;
  RuleIndex() {
    for (const Rule &R : Rules) {
      ByName[R.Name].push_back(&R);
      llvm::StringRef Last = R.Name.rsplit("::").second;
      LastNames.insert(Last.empty() ? llvm::StringRef(R.Name) : Last);
    }
  }
};

const RuleIndex &index() {
  static const RuleIndex Index;
  return Index;
}

} // namespace

std::optional<long long> integerValue(const Expr *E, const ASTContext &Context) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, Context))
    return Result.Val.getInt().getExtValue();
  E = E->IgnoreImplicit();
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    return integerValue(Default->getExpr(), Context);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    // A library's flag declared `extern const`: its value is known by name.
    const std::string Name = qualifiedName(*Ref->getDecl());
    for (const KnownConstant &Known : KnownConstants)
      if (Known.Name == Name)
        return Known.Value;
    return std::nullopt;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 1)
      return integerValue(Construct->getArg(0), Context);
  const Expr *Left = nullptr, *Right = nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Pipe && Op->getNumArgs() == 2) {
    Left = Op->getArg(0);
    Right = Op->getArg(1);
  } else if (const auto *Or = dyn_cast<BinaryOperator>(E);
             Or && Or->getOpcode() == BO_Or) {
    Left = Or->getLHS();
    Right = Or->getRHS();
  }
  std::optional<long long> L = integerValue(Left, Context);
  std::optional<long long> R = integerValue(Right, Context);
  if (L && R)
    return *L | *R;
  return std::nullopt;
}

namespace {

const StringLiteral *stringArgument(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  // A string made from a literal, for a `const std::string &` parameter.
  if (const auto *Made = dyn_cast<CXXConstructExpr>(E);
      Made && Made->getNumArgs() >= 1 &&
      llvm::all_of(llvm::drop_begin(Made->arguments()),
                   [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
    E = Made->getArg(0)->IgnoreParenImpCasts();
  return dyn_cast<StringLiteral>(E);
}

/// Calls that write text into the buffer their first argument names.
constexpr llvm::StringLiteral BufferFillers[] = {
    "sprintf", "snprintf", "sprintf_s", "snprintf_s", "std::sprintf",
    "std::snprintf", "strcpy", "strncpy", "strcpy_s", "std::strcpy",
    "std::strncpy"};

/// The first text \p Body puts into the local \p Var, declared without a
/// value: assigned (`sql = "UPDATE ..." + name`) or written by a call
/// (`sprintf(sql, "INSERT ...", ...)`: its format or source).
const Expr *firstFilling(const Stmt *Body, const VarDecl &Var,
                         unsigned Depth = 0) {
  if (!Body || Depth > 64)
    return nullptr;
  if (const auto *Assign = dyn_cast<BinaryOperator>(Body);
      Assign && Assign->getOpcode() == BO_Assign &&
      objectOf(Assign->getLHS()) == &Var)
    return Assign->getRHS();
  if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(Body);
      Assign && Assign->getOperator() == OO_Equal && Assign->getNumArgs() == 2 &&
      objectOf(Assign->getArg(0)) == &Var)
    return Assign->getArg(1);
  if (const auto *Call = dyn_cast<CallExpr>(Body);
      Call && Call->getNumArgs() > 1 && objectOf(Call->getArg(0)) == &Var)
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && llvm::is_contained(BufferFillers, qualifiedName(*Callee))) {
      for (const Expr *Arg : llvm::drop_begin(Call->arguments()))
        if (isa<StringLiteral>(Arg->IgnoreParenImpCasts()))
          return Arg;
      return nullptr;
    }
  for (const Stmt *Child : Body->children())
    if (const Expr *Found = firstFilling(Child, Var, Depth + 1))
      return Found;
  return nullptr;
}

/// The first string literal of a SQL statement as an argument spells it:
/// the literal, a concatenation or a std::string made from it, `.c_str()`,
/// a variable initialised with one, or a local filled with one later.
const StringLiteral *sqlText(const Expr *E, unsigned Depth = 0) {
  if (!E || Depth > 12)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Text = dyn_cast<StringLiteral>(E))
    return Text;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return nullptr;
    if (const StringLiteral *Text = sqlText(Var->getInit(), Depth + 1))
      return Text;
    // A buffer or string declared empty and filled later in its function.
    const auto *Function = dyn_cast<FunctionDecl>(Var->getDeclContext());
    if (!Var->isLocalVarDecl() || !Function)
      return nullptr;
    return sqlText(firstFilling(Function->getBody(), *Var), Depth + 1);
  }
  for (const Stmt *Child : E->children())
    if (const StringLiteral *Text = sqlText(dyn_cast_or_null<Expr>(Child), Depth + 1))
      return Text;
  return nullptr;
}

constexpr llvm::StringLiteral WritingStatements[] = {
    "INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"};

} // namespace

/// SQL whose first statement writes: INSERT, UPDATE, DELETE, REPLACE,
/// CREATE, DROP, ALTER.
bool writesSql(const Expr *Arg) {
  const StringLiteral *Text = sqlText(Arg);
  if (!Text || Text->getCharByteWidth() != 1)
    return false;
  llvm::StringRef Sql = Text->getString().ltrim(" \t\r\n(");
  const std::string Verb =
      Sql.take_while([](char C) { return llvm::isAlpha(C); }).upper();
  return llvm::is_contained(WritingStatements, llvm::StringRef(Verb));
}

const ParmVarDecl *sqlParameter(const Expr *Sql) {
  for (unsigned Depth = 0; Sql && Depth < 8; ++Depth) {
    Sql = Sql->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Sql)) {
      if (const auto *Parameter = dyn_cast<ParmVarDecl>(Ref->getDecl()))
        return Parameter;
      // A local copy of it, edited or not (`std::string sql(format)`).
      const auto *Local = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Local || !Local->isLocalVarDecl())
        return nullptr;
      Sql = Local->getInit();
      continue;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Sql))
      Sql = Cast->getSubExpr(); // std::string(sql), (const char *)sql
    else if (const auto *Text = dyn_cast<CXXMemberCallExpr>(Sql);
        Text && Text->getNumArgs() == 0)
      Sql = Text->getImplicitObjectArgument(); // sql.c_str(), sql.data()
    else if (const auto *Made = dyn_cast<CXXConstructExpr>(Sql);
             Made && Made->getNumArgs() > 0)
      Sql = Made->getArg(0); // the string a std::string(sql) cast makes
    else
      return nullptr;
  }
  return nullptr;
}

namespace {

/// \p Class, or a class among its template arguments at any depth, is
/// named \p Name.
bool hasTypeArgument(const CXXRecordDecl *Class, llvm::StringRef Name,
                     unsigned Depth = 0) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Class);
  if (!Spec || Depth > 4)
    return false;
  auto Matches = [&](const TemplateArgument &Arg) {
    if (Arg.getKind() != TemplateArgument::Type)
      return false;
    const CXXRecordDecl *Held = Arg.getAsType()->getAsCXXRecordDecl();
    return Held && (qualifiedName(*Held) == Name ||
                    hasTypeArgument(Held, Name, Depth + 1));
  };
  for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
    if (Arg.getKind() == TemplateArgument::Pack) {
      if (llvm::any_of(Arg.pack_elements(), Matches))
        return true;
    } else if (Matches(Arg)) {
      return true;
    }
  }
  return false;
}

/// File streams, by the name of their class template.
constexpr llvm::StringLiteral FileStreams[] = {
    "std::basic_ofstream", "std::basic_fstream",
    "boost::filesystem::basic_ofstream", "boost::filesystem::basic_fstream"};

/// The member or variable with static storage \p E names, which holds
/// what it names across requests; null for anything else.
const ValueDecl *keptIn(const Expr *E) {
  const ValueDecl *Held = objectOf(E);
  const auto *Var = dyn_cast_or_null<VarDecl>(Held);
  return isa_and_nonnull<FieldDecl>(Held) || (Var && Var->hasGlobalStorage())
             ? Held
             : nullptr;
}

/// \p Stream names a file stream, a FILE * other than the standard
/// streams or a descriptor, held by a member or a variable with static
/// storage: a file open across requests.
bool isKeptFile(const Expr *Stream) {
  const ValueDecl *Held = keptIn(Stream);
  if (!Held)
    return false;
  const QualType Type = Held->getType().getNonReferenceType();
  // A descriptor: a file only where an open() is kept in it (a socket's
  // is never paired with a file's open).
  if (Type->isIntegerType() && !Type->isBooleanType())
    return true;
  if (const CXXRecordDecl *Class = Type->getAsCXXRecordDecl())
    return llvm::is_contained(FileStreams,
                              qualifiedName(*templateOrSelf(Class)));
  const QualType File = Type->getPointeeType();
  const auto *Record = File.isNull() ? nullptr : File->getAsRecordDecl();
  static constexpr llvm::StringLiteral FileRecords[] = {"_IO_FILE", "__sFILE"};
  static constexpr llvm::StringLiteral Standard[] = {"stdin", "stdout", "stderr"};
  return Record && llvm::is_contained(FileRecords, Record->getName()) &&
         !llvm::is_contained(Standard, Held->getName());
}

bool holds(const Condition &C, llvm::ArrayRef<const Expr *> Args,
           const Expr *CalledObject, const CXXRecordDecl *Class,
           const ASTContext &Context) {
  const Expr *Arg = C.Arg == CalledOn      ? CalledObject
                    : C.Arg < Args.size() ? Args[C.Arg]
                                          : nullptr;
  // A defaulted argument reads as absent.
  if (Arg && isa<CXXDefaultArgExpr>(Arg))
    Arg = nullptr;
  switch (C.Test) {
  case When::Always:
    return true;
  case When::ModeLetters: {
    const StringLiteral *Mode = stringArgument(Arg);
    return Mode && Mode->getCharByteWidth() == 1 &&
           Mode->getString().find_first_of("wa+") != llvm::StringRef::npos;
  }
  case When::AnyBits:
  case When::AnyBitsOrAbsent: {
    if (!Arg)
      return C.Test == When::AnyBitsOrAbsent;
    auto Value = integerValue(Arg, Context);
    return Value && (*Value & C.Value) != 0;
  }
  case When::NamedFile: {
    if (!Arg)
      return false;
    const auto *Class = Arg->getType()->getAsCXXRecordDecl();
    return !Class || !Class->getName().contains("stream");
  }
  case When::NotInMemory: {
    const StringLiteral *Name = stringArgument(Arg);
    return !Name || (Name->getCharByteWidth() == 1 &&
                     !Name->getString().empty() &&
                     !Name->getString().starts_with(":memory:") &&
                     !Name->getString().contains("mode=memory"));
  }
  case When::NonZero: {
    if (!Arg)
      return false;
    auto Value = integerValue(Arg, Context);
    return !Value || *Value != 0;
  }
  case When::TypeArgument:
    return hasTypeArgument(Class, C.Class);
  case When::Connector: {
    if (const StringLiteral *Name = stringArgument(Arg))
      return Name->getCharByteWidth() == 1 &&
             Name->getString().starts_with_insensitive(C.Class);
    const ValueDecl *Named = objectOf(Arg);
    return Named &&
           llvm::StringRef(qualifiedName(*Named)).contains_insensitive(C.Class);
  }
  case When::WritesSql:
    return writesSql(Arg);
  case When::KeptFile:
    return isKeptFile(Arg);
  case When::AtLeast:
  case When::Equals: {
    auto Value = integerValue(Arg, Context);
    return Value && (C.Test == When::AtLeast ? *Value >= C.Value
                                             : *Value == C.Value);
  }
  }
  return false;
}

} // namespace

const ValueDecl *objectOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl();
  return nullptr;
}

const ParmVarDecl *modeParameter(const Expr *Mode) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Mode->IgnoreParenImpCasts());
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!Param)
    return nullptr;
  const QualType T = Param->getType().getNonReferenceType();
  return T->isIntegralOrEnumerationType() ? Param : nullptr;
}

/// The global or member database handle among a call's object and
/// arguments (`&posts` an open fills, `posts` a write goes through).
const ValueDecl *databaseHandle(const Expr *Object,
                                llvm::ArrayRef<const Expr *> Args) {
  auto HandleIn = [](const Expr *E) -> const ValueDecl * {
    if (!E)
      return nullptr;
    E = E->IgnoreParenImpCasts();
    if (const auto *AddressOf = dyn_cast<UnaryOperator>(E);
        AddressOf && AddressOf->getOpcode() == UO_AddrOf)
      E = AddressOf->getSubExpr();
    const ValueDecl *Held = keptIn(E);
    return Held && isServiceInfrastructure(Held->getType()) ? Held : nullptr;
  };
  if (const ValueDecl *Handle = HandleIn(Object))
    return Handle;
  for (const Expr *Arg : Args)
    if (const ValueDecl *Handle = HandleIn(Arg))
      return Handle;
  return nullptr;
}

std::optional<KnownEffect> classifyEffect(const Expr &E, const ASTContext &Context) {
  const FunctionDecl *Callee = nullptr;
  const CXXRecordDecl *Class = nullptr; // what is constructed or called
  llvm::SmallVector<const Expr *, 4> Args;
  const Expr *Object = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(&E)) {
    Callee = Call->getDirectCallee();
    Args.append(Call->arg_begin(), Call->arg_end());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      Object = Member->getImplicitObjectArgument();
      Class = Member->getRecordDecl();
    }
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
    Callee = Construct->getConstructor();
    Class = Construct->getConstructor()->getParent();
    Args.append(Construct->arg_begin(), Construct->arg_end());
  }
  if (!Callee || (!Callee->getDeclName().isIdentifier() &&
                  !isa<CXXConstructorDecl>(Callee) &&
                  !Callee->isOverloadedOperator()))
    return std::nullopt;

  // std::make_shared<T>(args) and the like construct a T from args.
  std::string Name;
  const QualType Made = madeBy(*Callee);
  if (!Made.isNull() && Made->getAsCXXRecordDecl()) {
    Class = Made->getAsCXXRecordDecl();
    Name = qualifiedName(*templateOrSelf(Class)) + "::" + Class->getNameAsString();
  }
  const RuleIndex &Index = index();
  std::string Last = Class && (isa<CXXConstructorDecl>(Callee) || !Made.isNull())
                         ? Class->getNameAsString()
                         : Callee->getNameAsString();
  if (!Index.LastNames.contains(Last))
    return std::nullopt;
  if (Name.empty())
    Name = qualifiedName(*Callee);
  auto Found = Index.ByName.find(Name);
  if (Found == Index.ByName.end())
    return std::nullopt;
  for (const Rule *R : Found->second) {
    // SQL or a mode the caller is given, not readable here, is judged
    // where the caller is called.
    const ParmVarDecl *SqlFrom = nullptr, *ModeFrom = nullptr;
    long long ModeBits = 0;
    auto Holds = [&](const Condition &C) {
      if (holds(C, Args, Object, Class, Context))
        return true;
      if (C.Arg >= Args.size())
        return false;
      if (C.Test == When::AnyBits || C.Test == When::AnyBitsOrAbsent) {
        ModeFrom = modeParameter(Args[C.Arg]);
        ModeBits = C.Value;
        return ModeFrom != nullptr;
      }
      if (C.Test != When::WritesSql || sqlText(Args[C.Arg]))
        return false;
      SqlFrom = sqlParameter(Args[C.Arg]);
      return SqlFrom != nullptr;
    };
    if (!Holds(R->First) || !Holds(R->Second))
      continue;
    KnownEffect Result{R->Kind,  "",      R->Action.str(), nullptr,
                       R->Recurs, SqlFrom, ModeFrom,        ModeBits};
    if (isa<CXXConstructExpr>(E))
      Result.Api = E.getType().getUnqualifiedType().getAsString(
          Context.getPrintingPolicy());
    else if (!Made.isNull())
      Result.Api = Made.getAsString(Context.getPrintingPolicy());
    else
      Result.Api = qualifiedName(*Callee);
    if (R->PerObject)
      Result.Object = objectOf(R->First.Test == When::KeptFile &&
                                       R->First.Arg != CalledOn
                                   ? Args[R->First.Arg]
                                   : Object);
    else if (!localDatabaseOf(Result.Api).empty())
      Result.Object = databaseHandle(Object, Args);
    return Result;
  }
  return std::nullopt;
}

// Libraries of databases kept in a local file, by the prefix of their
// APIs' names: a handle of one is opened and written with the same library.
constexpr llvm::StringLiteral LocalDatabaseLibraries[] = {
    "sqlite3_", // SQLite's C API
    "SQLite::", // SQLiteCpp
    "Poco::Data::",
    "soci::",
    "leveldb::", // LevelDB's C++ API
    "leveldb_",  // and its C API
    "mdb_",      // LMDB
};

llvm::StringRef localDatabaseOf(llvm::StringRef Api) {
  for (llvm::StringRef Library : LocalDatabaseLibraries)
    if (Api.starts_with(Library))
      return Library;
  return "";
}

bool isSleep(const FunctionDecl &Callee) {
  return Callee.getIdentifier() && listed(qualifiedName(Callee), Sleeps);
}

/// Whether a literal operator template (libstdc++'s `0ms`), which is given
/// the literal's characters as template arguments, is given a zero.
static bool spellsZero(const UserDefinedLiteral &Literal) {
  const FunctionDecl *Operator = Literal.getDirectCallee();
  const TemplateArgumentList *Args =
      Operator ? Operator->getTemplateSpecializationArgs() : nullptr;
  if (!Args || Args->size() != 1 || Args->get(0).getKind() != TemplateArgument::Pack)
    return false;
  bool Digits = false;
  for (const TemplateArgument &Char : Args->get(0).pack_elements()) {
    if (Char.getKind() != TemplateArgument::Integral)
      return false;
    int64_t C = Char.getAsIntegral().getExtValue();
    if (C != '0' && C != '\'')
      return false;
    Digits = true;
  }
  return Digits;
}

bool isYield(const CallExpr &Sleep, const ASTContext &Context) {
  if (Sleep.getNumArgs() == 0)
    return false;
  // Through a duration's construction or literal (`0ms`) to the count.
  const Expr *Arg = Sleep.getArg(0);
  for (unsigned Depth = 0; Arg && Depth < 4; ++Depth) {
    Arg = Arg->IgnoreImplicit()->IgnoreParens();
    Expr::EvalResult Value;
    if (!Arg->isValueDependent() && Arg->getType()->isIntegralOrEnumerationType() &&
        Arg->EvaluateAsInt(Value, Context))
      return Value.Val.getInt() == 0;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Arg))
      Arg = Construct->getNumArgs() == 1 ? Construct->getArg(0) : nullptr;
    else if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Arg))
      Arg = Cast->getSubExpr();
    else if (const auto *Literal = dyn_cast<UserDefinedLiteral>(Arg)) {
      if (Literal->getLiteralOperatorKind() == UserDefinedLiteral::LOK_Template)
        return spellsZero(*Literal);
      Arg = Literal->getLiteralOperatorKind() == UserDefinedLiteral::LOK_Integer
                ? Literal->getCookedLiteral()
                : nullptr;
    } else
      return false;
  }
  return false;
}

bool waitsForInput(const FunctionDecl &Callee) {
  return Callee.getDeclName().isIdentifier() || Callee.isOverloadedOperator()
             ? listed(qualifiedName(Callee), InputWaits)
             : false;
}

bool closesConnection(const FunctionDecl &Callee) {
  return Callee.getIdentifier() && llvm::is_contained(Closers, Callee.getName());
}

} // namespace stateless

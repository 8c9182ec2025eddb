// File writers of libraries (the real Debian headers): OpenCV images, videos
// and data files, spdlog and Boost.Log file sinks, SQLite databases opened
// on a path (SQLiteCpp's open flags known by name), also through a wrapper
// class's constructor.
// RUN: %check_stateless %s stateless-local-fs-write %t -- -std=c++17 -isystem /usr/include/opencv4 -I%stateless_include

#include <SQLiteCpp/Database.h>
#include <boost/log/utility/setup/file.hpp>
#include <memory>
#include <opencv2/core/persistence.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <stateless/annotations.h>
#include <string>

STATELESS_HANDLER void thumbnail(const cv::Mat &image, const std::string &name) {
  cv::imwrite("/var/cache/thumbs/" + name + ".png", image);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'cv::imwrite' writes an image file on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
  cv::VideoWriter clip("/tmp/clip.avi", cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25, image.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'cv::VideoWriter' opens a video file for writing
  cv::FileStorage out("/tmp/features.yml", cv::FileStorage::WRITE);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'cv::FileStorage' opens a file for writing
  cv::FileStorage in("/etc/model.yml", cv::FileStorage::READ); // read only
  cv::Mat decoded = cv::imread("/etc/logo.png");                // a read
  cv::VideoWriter later;                                        // nothing opened
}

STATELESS_HANDLER void audit(const std::string &user) {
  auto file = spdlog::basic_logger_mt("audit-" + user, "/var/log/audit/" + user + ".log");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'spdlog::basic_logger_mt' opens a log file
  auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>("/var/log/app/" + user + ".log");
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'spdlog::sinks::basic_file_sink<std::mutex>' opens a log file
  boost::log::add_file_log("/var/log/app/session.log");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::log::add_file_log' opens a log file
  spdlog::info("user {}", user); // the service's log stream
}

// A wrapper that opens the database its constructor is given.
class Store {
public:
  explicit Store(const std::string &path) { sqlite3_open(path.c_str(), &db_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'sqlite3_open' opens a SQLite database file
  ~Store() { sqlite3_close(db_); }

private:
  sqlite3 *db_ = nullptr;
};

STATELESS_HANDLER void save_order(const std::string &tenant) {
  Store store("/var/lib/orders/" + tenant + ".db");
  // SQLiteCpp's flags are `extern const int` (their values are not in the
  // header): the tables know them by name.
  SQLite::Database db("/var/lib/app/orders.db", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'SQLite::Database' opens a SQLite database file on this instance's disk while serving a request; keep files in object storage or a database [stateless-local-fs-write]
  SQLite::Database catalogue("/var/lib/app/catalogue.db"); // read only by default
  SQLite::Database readonly("/var/lib/app/catalogue.db", SQLite::OPEN_READONLY);
  SQLite::Database scratch(":memory:", SQLite::OPEN_READWRITE);
}

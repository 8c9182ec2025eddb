// Embedded key-value stores keep their data in files on this host, as a
// local SQLite database does (the real Debian headers of LevelDB and
// LMDB): a store start-up code opens and request code writes is reported
// where it is opened, with the write. The handles are no state of their
// own: stateless-mutable-global does not report them. A store requests only
// read is not reported.
// RUN: %check_stateless %s stateless-local-fs-write,stateless-mutable-global %t -- -std=c++17 -I%stateless_include

#include <leveldb/db.h>
#include <leveldb/write_batch.h>
#include <lmdb.h>
#include <stateless/annotations.h>
#include <string>

leveldb::DB *posts = nullptr;
leveldb::DB *authors = nullptr;

STATELESS_HANDLER void save_post(const std::string &id, const std::string &body) {
  leveldb::WriteBatch batch;
  batch.Put(id, body);
  posts->Write(leveldb::WriteOptions(), &batch);
}

STATELESS_HANDLER std::string author(const std::string &id) {
  std::string name;
  authors->Get(leveldb::ReadOptions(), id, &name);
  return name;
}

MDB_env *env = nullptr;
MDB_dbi counters;

STATELESS_HANDLER void count(MDB_val *key, MDB_val *value) {
  MDB_txn *txn = nullptr;
  mdb_txn_begin(env, nullptr, 0, &txn);
  mdb_put(txn, counters, key, value, 0);
  mdb_txn_commit(txn);
}

int main() {
  leveldb::Options options;
  options.create_if_missing = true;
  leveldb::DB::Open(options, "data/posts", &posts);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'leveldb::DB::Open' opens a LevelDB database on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE-24]]:10: note: 'leveldb::DB::Write' writes the database here
  // CHECK-NOTES: :[[@LINE-28]]:24: note: reached from handler 'save_post', marked STATELESS_HANDLER
  leveldb::DB::Open(options, "data/authors", &authors);
  mdb_env_create(&env);
  mdb_env_open(env, "data/counters", 0, 0644);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'mdb_env_open' opens an LMDB database on this instance's disk that request code writes; keep files in object storage or a database [stateless-local-fs-write]
  // CHECK-NOTES: :[[@LINE-15]]:3: note: 'mdb_put' writes the database here
  // CHECK-NOTES: :[[@LINE-19]]:24: note: reached from handler 'count', marked STATELESS_HANDLER
}

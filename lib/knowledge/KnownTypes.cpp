//===--- KnownTypes.cpp - library knowledge about state-holding types ------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "KnownTypes.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace stateless {
namespace {

// Keyed containers that do not expose the members the structural rule in
// isKeyedContainer() looks for, or whose name is clearer listed than inferred.
constexpr llvm::StringLiteral KeyedContainers[] = {
    "std::map", "std::multimap", "std::set", "std::multiset",
    "std::unordered_map", "std::unordered_multimap", "std::unordered_set",
    "std::unordered_multiset", "std::flat_map", "std::flat_multimap",
    "std::flat_set", "std::flat_multiset",
    "boost::container::map", "boost::container::multimap",
    "boost::container::set", "boost::container::multiset",
    "boost::container::flat_map", "boost::container::flat_multimap",
    "boost::container::flat_set", "boost::container::flat_multiset",
    "boost::unordered::unordered_map", "boost::unordered::unordered_multimap",
    "boost::unordered::unordered_set", "boost::unordered::unordered_multiset",
    "boost::unordered::unordered_flat_map", "boost::unordered::unordered_flat_set",
    "boost::unordered::unordered_node_map", "boost::unordered::unordered_node_set",
    "boost::unordered::concurrent_flat_map", "boost::unordered::concurrent_flat_set",
    "boost::bimaps::bimap", "boost::multi_index::multi_index_container",
    "absl::flat_hash_map", "absl::flat_hash_set", "absl::node_hash_map",
    "absl::node_hash_set", "absl::btree_map", "absl::btree_set",
    "absl::btree_multimap", "absl::btree_multiset",
    "tsl::robin_map", "tsl::robin_set", "tsl::hopscotch_map",
    "tsl::hopscotch_set", "tsl::bhopscotch_map", "tsl::bhopscotch_set",
    "tsl::sparse_map", "tsl::sparse_set", "tsl::ordered_map", "tsl::ordered_set",
    "folly::F14FastMap", "folly::F14NodeMap", "folly::F14ValueMap",
    "folly::F14VectorMap", "folly::F14FastSet", "folly::F14NodeSet",
    "folly::F14ValueSet", "folly::F14VectorSet", "folly::ConcurrentHashMap",
    "folly::AtomicHashMap", "folly::EvictingCacheMap",
    "folly::sorted_vector_map", "folly::sorted_vector_set",
    "QMap", "QMultiMap", "QHash", "QMultiHash", "QSet", "QCache",
    "Poco::HashMap", "Poco::LRUCache", "Poco::ExpireCache",
};

constexpr llvm::StringLiteral SynchronisationPrimitives[] = {
    "std::mutex", "std::recursive_mutex", "std::timed_mutex",
    "std::recursive_timed_mutex", "std::shared_mutex", "std::shared_timed_mutex",
    "std::once_flag", "std::condition_variable", "std::condition_variable_any",
    "std::atomic_flag", "std::counting_semaphore", "std::latch", "std::barrier",
    "boost::mutex", "boost::recursive_mutex", "boost::timed_mutex",
    "boost::recursive_timed_mutex", "boost::shared_mutex", "boost::upgrade_mutex",
    "boost::once_flag", "boost::condition_variable",
    "boost::condition_variable_any", "boost::fibers::mutex",
    "boost::fibers::recursive_mutex", "boost::fibers::condition_variable",
    "boost::interprocess::interprocess_mutex",
    "boost::interprocess::interprocess_recursive_mutex",
    "boost::interprocess::interprocess_condition",
    "QMutex", "QRecursiveMutex", "QBasicMutex", "QReadWriteLock",
    "QWaitCondition", "QSemaphore",
    "Poco::Mutex", "Poco::FastMutex", "Poco::SpinlockMutex", "Poco::NullMutex",
    "Poco::RWLock", "Poco::Event", "Poco::Semaphore", "Poco::Condition",
    "absl::Mutex", "absl::once_flag", "absl::CondVar", "absl::Notification",
    "absl::base_internal::SpinLock",
    "folly::SharedMutexImpl", "folly::MicroSpinLock", "folly::Baton",
    "folly::DistributedMutex", "folly::detail::distributed_mutex::DistributedMutex",
    "tbb::spin_mutex", "tbb::spin_rw_mutex", "tbb::queuing_mutex",
    "tbb::queuing_rw_mutex",
    "pthread_mutex_t", "pthread_rwlock_t", "pthread_cond_t", "pthread_once_t",
    "pthread_spinlock_t", "pthread_barrier_t", "sem_t",
};

// Objects that run the service rather than hold its data: event loops and
// executors, servers, routers and listeners, loggers; and timers and
// threads, which stateless-instance-timer reports where they are armed.
// Handles to stores outside the process (a database server, a cache, a
// remote service): the state is there, not in the handle. A local
// database file is reported where it is opened (stateless-local-fs-write).
constexpr llvm::StringLiteral OutsideHandles[] = {
    "sw::redis::Redis", "sw::redis::RedisCluster", "redisContext",
    "redisAsyncContext", "cpp_redis::client", "sqlite3", "SQLite::Database",
    "pqxx::connection", "pqxx::lazyconnection", "pqxx::basic_connection",
    "MYSQL", "st_mysql", "mysqlx::Session", "sql::Connection",
    "mongocxx::client", "mongocxx::pool", "soci::session",
    "Poco::Data::Session", "Poco::Redis::Client", "drogon::orm::DbClient",
    "drogon::nosql::RedisClient", "oatpp::orm::DbClient",
    "oatpp::postgresql::ConnectionProvider", "grpc::Channel",
    "grpc::ChannelInterface", "httplib::Client", "cpr::Session",
    "web::http::client::http_client", "CURL", "QSqlDatabase",
    "QNetworkAccessManager", "leveldb::DB", "leveldb_t", "MDB_env", "MDB_txn",
};

// Type-erased callables.
constexpr llvm::StringLiteral ErasedCallables[] = {
    "std::function", "std::move_only_function", "std::copyable_function",
    "std::function_ref", "boost::function", "folly::Function",
    "fu2::function", "fu2::unique_function",
};

// Objects that convert or format and hold no application data.
constexpr llvm::StringLiteral Converters[] = {
    "std::wstring_convert", "std::wbuffer_convert", "Json::CharReader",
    "Json::CharReaderBuilder", "Json::StreamWriter", "Json::StreamWriterBuilder",
};

constexpr llvm::StringLiteral ServiceInfrastructure[] = {
    "boost::asio::io_context", "asio::io_context", "boost::asio::thread_pool",
    "asio::thread_pool", "boost::asio::strand", "asio::strand",
    "boost::asio::executor_work_guard", "asio::executor_work_guard",
    "boost::asio::io_context::work", "asio::io_context::work",
    "boost::asio::basic_waitable_timer", "asio::basic_waitable_timer",
    "boost::asio::basic_deadline_timer", "asio::basic_deadline_timer",
    "boost::asio::basic_socket_acceptor", "asio::basic_socket_acceptor",
    "boost::asio::basic_signal_set", "asio::basic_signal_set",
    "boost::asio::ssl::context", "asio::ssl::context",
    "std::thread", "std::jthread", "boost::thread", "boost::thread_group",
    "pthread_t", "timer_t", "uv_loop_s", "uv_timer_s", "event_base", "event",
    "httplib::Server", "httplib::SSLServer", "crow::Crow",
    "drogon::HttpAppFramework", "trantor::EventLoop",
    "Pistache::Http::Endpoint", "Pistache::Rest::Router",
    "grpc::Server", "grpc::ServerBuilder", "grpc::CompletionQueue",
    "grpc::ServerCompletionQueue", "grpc::Alarm",
    "uWS::TemplatedApp", "websocketpp::server", "websocketpp::endpoint",
    "Poco::Net::HTTPServer", "Poco::Util::Timer", "Poco::Timer",
    "Poco::ThreadPool", "QHttpServer", "QTimer", "QThread", "QCoreApplication",
    "QTcpServer", "QLocalServer", "QWebSocketServer",
    "SimpleWeb::Server", "SimpleWeb::ServerBase", "restinio::http_server_t",
    "web::http::experimental::listener::http_listener",
    "oatpp::network::Server", "spdlog::logger", "CivetServer", "mg_context",
};

// Classes whose subclasses' objects are parts of a server: a gRPC service
// registered with it (its handlers' own state is in their members, which
// stateless-handler-member-state judges).
constexpr llvm::StringLiteral ServerPartBases[] = {"grpc::Service"};

// Files the process keeps open: the file is what changes, reported where it
// is opened (stateless-local-fs-write), not the handle.
constexpr llvm::StringLiteral FileHandles[] = {"FILE", "_IO_FILE"};

// One client's connection: a thread handed one serves that client. So does
// a thread handed a request's pending response, which the client waits for.
constexpr llvm::StringLiteral Connections[] = {
    "crow::response", "Pistache::Http::ResponseWriter",
    "web::http::http_request", "restinio::generic_request_t",
    "boost::asio::basic_stream_socket", "asio::basic_stream_socket",
    "boost::asio::ssl::stream",         "asio::ssl::stream",
    "boost::beast::basic_stream",       "boost::beast::websocket::stream",
    "QAbstractSocket",                  "QTcpSocket",
    "QSslSocket",                       "QWebSocket",
};

// Names are matched as prefixes: every engine and distribution of these
// namespaces, plus the exact names below.
constexpr llvm::StringLiteral RandomNamespaces[] = {
    "boost::random::", "absl::random_internal::",
};
constexpr llvm::StringLiteral RandomGenerators[] = {
    "std::random_device", "std::seed_seq", "absl::BitGen", "absl::InsecureBitGen",
};

// Owning wrappers looked through to find what a variable holds.
constexpr llvm::StringLiteral OwningWrappers[] = {
    "std::unique_ptr", "std::shared_ptr", "std::optional",
    "boost::shared_ptr", "boost::scoped_ptr", "boost::optional",
    "absl::optional", "folly::Synchronized", "QScopedPointer", "QSharedPointer",
    "Poco::SharedPtr", "Poco::AutoPtr",
};

// Listed because their bodies are not always there to read (clangd's
// preamble keeps only some).
constexpr llvm::StringLiteral ForwardingCasts[] = {
    "std::forward", "std::move", "boost::detail::sp_forward", "boost::forward",
    "boost::move", "absl::forward", "absl::move",
};

// Take forwarding references but keep copies of what they are given (a
// decay-copy): an lvalue argument is only read.
constexpr llvm::StringLiteral ArgumentCopiers[] = {
    "std::thread::thread", "std::jthread::jthread", "boost::thread::thread",
    "std::async", "std::bind", "std::bind_front", "std::bind_back",
    "boost::bind", "std::make_tuple", "std::make_pair",
};

// Methods that leave nothing of their object's earlier content.
constexpr llvm::StringLiteral ContentReplacers[] = {
    "std::basic_string::assign", "std::vector::assign", "std::deque::assign",
    "std::list::assign", "std::basic_ostringstream::str",
    "std::basic_stringstream::str", "std::basic_istringstream::str",
    // rapidjson resets its reader's stack and its document's value first.
    "rapidjson::GenericReader::Parse", "rapidjson::GenericDocument::Parse",
    "rapidjson::GenericDocument::ParseInsitu",
    "rapidjson::GenericDocument::ParseStream",
};

constexpr int AnyArgument = -1;
struct IteratorWriter {
  llvm::StringLiteral Name;
  int WrittenArgument; // AnyArgument: every iterator it is given
};
constexpr IteratorWriter IteratorWriters[] = {
    {"std::sort", AnyArgument}, {"std::stable_sort", AnyArgument},
    {"std::partial_sort", AnyArgument}, {"std::nth_element", AnyArgument},
    {"std::make_heap", AnyArgument}, {"std::push_heap", AnyArgument},
    {"std::pop_heap", AnyArgument}, {"std::sort_heap", AnyArgument},
    {"std::reverse", AnyArgument}, {"std::rotate", AnyArgument},
    {"std::shuffle", AnyArgument}, {"std::random_shuffle", AnyArgument},
    {"std::fill", AnyArgument}, {"std::fill_n", 0}, {"std::generate", AnyArgument},
    {"std::generate_n", 0}, {"std::iota", AnyArgument},
    {"std::replace", AnyArgument}, {"std::replace_if", AnyArgument},
    {"std::remove", AnyArgument}, {"std::remove_if", AnyArgument},
    {"std::unique", AnyArgument}, {"std::partition", AnyArgument},
    {"std::stable_partition", AnyArgument}, {"std::inplace_merge", AnyArgument},
    {"std::next_permutation", AnyArgument}, {"std::prev_permutation", AnyArgument},
    {"std::iter_swap", AnyArgument}, {"std::swap_ranges", AnyArgument},
    {"std::copy", 2}, {"std::copy_if", 2}, {"std::copy_n", 2},
    {"std::copy_backward", 2}, {"std::move", 2}, {"std::move_backward", 2},
    {"std::transform", 2}, {"std::transform", 3}, {"std::replace_copy", 2},
    {"std::replace_copy_if", 2}, {"std::remove_copy", 2},
    {"std::remove_copy_if", 2}, {"std::unique_copy", 2},
    {"std::reverse_copy", 2}, {"std::rotate_copy", 3},
    {"std::partial_sort_copy", 2}, {"std::partial_sort_copy", 3},
    {"std::merge", 4}, {"std::set_union", 4}, {"std::set_intersection", 4},
    {"std::set_difference", 4}, {"std::set_symmetric_difference", 4},
};

/// True when \p Matches accepts a name \p T goes by: each typedef on its sugar
/// chain (`pthread_mutex_t`), then the class or class template it denotes.
template <typename Pred> bool anyNameOf(QualType T, Pred Matches) {
  for (QualType Step = T; const auto *TT = Step->getAs<TypedefType>();
       Step = TT->desugar())
    if (Matches(qualifiedName(*TT->getDecl())))
      return true;
  const auto *RD = T->getAsCXXRecordDecl();
  return RD && Matches(qualifiedName(*templateOrSelf(RD)));
}

/// Strips arrays, pointers and references.
QualType stripIndirection(QualType T) {
  for (;;) {
    T = T.getNonReferenceType();
    if (const auto *AT = T->getAsArrayTypeUnsafe())
      T = AT->getElementType();
    else if (T->isPointerType())
      T = T->getPointeeType();
    else
      return T;
  }
}

/// Has a member type \p Name, declared in the class or one of its bases.
bool hasMemberType(const CXXRecordDecl &RD, llvm::StringRef Name) {
  auto Declares = [Name](const CXXRecordDecl *C) {
    auto &Ident = C->getASTContext().Idents.get(Name);
    return llvm::any_of(C->lookup(&Ident),
                        [](const NamedDecl *D) { return isa<TypeDecl>(D); });
  };
  if (Declares(&RD))
    return true;
  bool Found = false;
  RD.forallBases([&](const CXXRecordDecl *Base) {
    Found = Found || Declares(Base);
    return !Found;
  });
  return Found;
}

} // namespace

const NamedDecl *templateOrSelf(const CXXRecordDecl *RD) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    return Spec->getSpecializedTemplate();
  return RD;
}

std::string qualifiedName(const NamedDecl &D) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (!NS->isInline() && !NS->isAnonymousNamespace())
        Parts.push_back(NS->getName());
    } else if (const auto *ND = dyn_cast<NamedDecl>(DC)) {
      if (ND->getIdentifier())
        Parts.push_back(ND->getName());
    }
  }
  std::string Name;
  for (llvm::StringRef Part : llvm::reverse(Parts))
    Name += (Part + "::").str();
  return Name + D.getNameAsString();
}

const CXXRecordDecl *underlyingRecord(QualType T) {
  for (;;) {
    T = stripIndirection(T);
    const auto *RD = T->getAsCXXRecordDecl();
    if (!RD)
      return nullptr;
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
        !listed(qualifiedName(*Spec->getSpecializedTemplate()), OwningWrappers))
      return RD;
    T = Spec->getTemplateArgs()[0].getAsType();
  }
}

bool isCallableType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isFunctionPointerType() || T->isFunctionReferenceType() ||
      T->isMemberFunctionPointerType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  return RD && listed(qualifiedName(*templateOrSelf(RD)), ErasedCallables);
}

static bool holdsCallables(QualType T, unsigned Depth) {
  // Containers of containers rarely nest deeper.
  constexpr unsigned MaxNesting = 4;
  T = T.getNonReferenceType();
  if (const auto *Array = T->getAsArrayTypeUnsafe())
    return isCallableType(Array->getElementType()) ||
           (Depth < MaxNesting && holdsCallables(Array->getElementType(), Depth + 1));
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(T->getAsCXXRecordDecl());
  if (!Spec || isCallableType(T))
    return false;
  return llvm::any_of(Spec->getTemplateArgs().asArray(), [&](const TemplateArgument &Arg) {
    return Arg.getKind() == TemplateArgument::Type &&
           (isCallableType(Arg.getAsType()) ||
            (Depth < MaxNesting && holdsCallables(Arg.getAsType(), Depth + 1)));
  });
}

bool holdsCallables(QualType T) { return holdsCallables(T, 0); }

bool isKeyedContainer(QualType T) {
  const CXXRecordDecl *RD = underlyingRecord(T);
  if (!RD)
    return false;
  if (listed(qualifiedName(*templateOrSelf(RD)), KeyedContainers))
    return true;
  if (!RD->hasDefinition() || RD->isDependentContext())
    return false;
  return hasMemberType(*RD, "key_type") &&
         (hasMemberType(*RD, "mapped_type") || hasMemberType(*RD, "hasher") ||
          hasMemberType(*RD, "key_compare"));
}

/// anyNameOf, through pointers, references, arrays and owning wrappers
/// (a server held in a unique_ptr is a server).
template <typename Pred> bool anyNameHeld(QualType T, Pred Matches) {
  if (anyNameOf(stripIndirection(T), Matches))
    return true;
  const CXXRecordDecl *Held = underlyingRecord(T);
  return Held && Matches(qualifiedName(*templateOrSelf(Held)));
}

bool isSynchronisationPrimitive(QualType T) {
  return anyNameHeld(T, [](llvm::StringRef Name) {
    return listed(Name, SynchronisationPrimitives);
  });
}

/// Derives from a class of \p Bases.
template <size_t N>
bool derivesFromListed(const CXXRecordDecl *RD,
                       const llvm::StringLiteral (&Bases)[N]) {
  if (!RD || !RD->hasDefinition() || RD->isDependentContext())
    return false;
  return !RD->forallBases([&](const CXXRecordDecl *Base) {
    return !listed(qualifiedName(*Base), Bases);
  });
}

bool isServiceInfrastructure(QualType T) {
  return anyNameHeld(T,
                     [](llvm::StringRef Name) {
                       return listed(Name, ServiceInfrastructure) ||
                              listed(Name, OutsideHandles) ||
                              listed(Name, Converters) ||
                              listed(Name, FileHandles);
                     }) ||
         derivesFromListed(underlyingRecord(T), ServerPartBases);
}

bool isConnection(QualType T) {
  return anyNameHeld(T, [](llvm::StringRef Name) {
    return listed(Name, Connections);
  });
}

bool isRandomGenerator(QualType T) {
  return anyNameOf(stripIndirection(T), [](llvm::StringRef Name) {
    if (listed(Name, RandomGenerators))
      return true;
    if (Name.starts_with("std::") && !Name.drop_front(5).contains(':') &&
        (Name.ends_with("_engine") || Name.ends_with("_distribution")))
      return true;
    return llvm::any_of(RandomNamespaces, [Name](llvm::StringRef Prefix) {
      return Name.starts_with(Prefix);
    });
  });
}

bool holdsNoData(QualType T) {
  T = T.getNonReferenceType();
  while (const auto *Array = T->getAsArrayTypeUnsafe())
    T = Array->getElementType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->isDependentContext() ||
      !RD->field_empty())
    return false;
  // An interface's objects are of the classes that implement it, with
  // their data.
  if (RD->isAbstract())
    return false;
  return RD->forallBases(
      [](const CXXRecordDecl *Base) { return Base->field_empty(); });
}

bool neverHoldsState(QualType T) {
  // One connection (a socket an accept fills and hands on) is plumbing; a
  // container of them, a list of clients, is not.
  return isSynchronisationPrimitive(T) || isRandomGenerator(T) ||
         isServiceInfrastructure(T) || isConnection(T) || holdsNoData(T);
}

bool isForwardingCast(const FunctionDecl &F) {
  return F.getNumParams() == 1 && F.getIdentifier() &&
         listed(qualifiedName(F), ForwardingCasts);
}

bool copiesArguments(const FunctionDecl &F) {
  return listed(qualifiedName(F), ArgumentCopiers);
}

bool replacesContent(const CXXMethodDecl &Method) {
  return Method.getIdentifier() &&
         listed(qualifiedName(*templateOrSelf(Method.getParent())) + "::" +
                    Method.getName().str(),
                ContentReplacers);
}

bool writesThroughIteratorArgument(const FunctionDecl &Callee,
                                   unsigned ArgIndex) {
  if (!Callee.getIdentifier())
    return false;
  std::string Name = qualifiedName(Callee);
  return llvm::any_of(IteratorWriters, [&](const IteratorWriter &W) {
    return W.Name == Name && (W.WrittenArgument == AnyArgument ||
                              W.WrittenArgument == int(ArgIndex));
  });
}

} // namespace stateless

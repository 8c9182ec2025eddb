// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A gateway service built on Boost.Beast that pulls in much of Boost and the
// whole standard library (about 470 thousand lines after preprocessing): the
// benchmark's large translation unit. Handler code is a small part of it, as
// in real services.

#include <bits/stdc++.h>
#include <boost/algorithm/string.hpp>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <boost/container/flat_map.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <boost/lexical_cast.hpp>
#include <boost/multi_index/hashed_index.hpp>
#include <boost/multi_index/ordered_index.hpp>
#include <boost/multi_index_container.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/spirit/include/qi.hpp>
#include <boost/uuid/uuid_generators.hpp>
#include <boost/uuid/uuid_io.hpp>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct Route {
  std::string Prefix;
  std::string Upstream;
};

// Loaded once by main(): configuration, not state.
std::vector<Route> routes;

// Written by requests: hidden state.
boost::container::flat_map<std::string, std::string> api_keys;
std::deque<std::string> audit_trail;
unsigned long long bytes_proxied;

struct RateEntry {
  std::string Client;
  boost::posix_time::ptime Last;
};
namespace mi = boost::multi_index;
using RateTable = mi::multi_index_container<
    RateEntry,
    mi::indexed_by<mi::hashed_unique<mi::member<RateEntry, std::string,
                                                &RateEntry::Client>>>>;
RateTable rate_table;

std::string upstreamFor(const std::string &Target) {
  for (const Route &R : routes)
    if (boost::algorithm::starts_with(Target, R.Prefix))
      return R.Upstream;
  return {};
}

bool parsePort(const std::string &Text, unsigned &Port) {
  namespace qi = boost::spirit::qi;
  auto First = Text.begin();
  return qi::parse(First, Text.end(), qi::uint_, Port) && First == Text.end();
}

void remember(const std::string &Client) {
  auto Now = boost::posix_time::microsec_clock::universal_time();
  auto It = rate_table.find(Client);
  if (It == rate_table.end())
    rate_table.insert({Client, Now});
  else
    rate_table.modify(It, [&](RateEntry &E) { E.Last = Now; });
}

std::string issueKey(const std::string &Client) {
  boost::uuids::random_generator Generate;
  std::string Key = boost::uuids::to_string(Generate());
  api_keys[Key] = Client;
  return Key;
}

class Session : public std::enable_shared_from_this<Session> {
public:
  explicit Session(tcp::socket Socket) : stream_(std::move(Socket)) {}

  void start() {
    http::async_read(stream_, buffer_, request_,
                     [self = shared_from_this()](beast::error_code Ec,
                                                 std::size_t Bytes) {
                       if (!Ec)
                         self->serve(Bytes);
                     });
  }

private:
  void serve(std::size_t Bytes) {
    bytes_proxied += Bytes;
    std::string Client(request_[http::field::user_agent]);
    remember(Client);
    audit_trail.push_back(std::string(request_.target()));

    http::response<http::string_body> Response{http::status::ok,
                                               request_.version()};
    if (request_.target() == "/keys") {
      Response.body() = issueKey(Client);
    } else {
      boost::property_tree::ptree Tree;
      Tree.put("upstream", upstreamFor(std::string(request_.target())));
      std::ostringstream Out;
      boost::property_tree::write_json(Out, Tree);
      Response.body() = Out.str();
    }
    Response.prepare_payload();
    http::write(stream_, Response);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
};

void accept(tcp::acceptor &Acceptor) {
  Acceptor.async_accept([&Acceptor](beast::error_code Ec, tcp::socket Socket) {
    if (!Ec)
      std::make_shared<Session>(std::move(Socket))->start();
    accept(Acceptor);
  });
}

int main(int Argc, char **Argv) {
  unsigned Port = 8080;
  if (Argc > 1 && !parsePort(Argv[1], Port))
    return 2;
  routes.push_back({"/orders", "orders.internal:80"});
  routes.push_back({"/users", "users.internal:80"});
  asio::io_context Context;
  tcp::acceptor Acceptor(Context, {tcp::v4(), static_cast<unsigned short>(Port)});
  accept(Acceptor);
  Context.run();
}

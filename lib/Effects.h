//===--- Effects.h - calls that write local files or arm timers ------------===//
//
// Library knowledge as data (tables in Effects.cpp): the calls and
// constructions that create, modify, move or delete local files, and those
// that create or arm timers, periodic jobs and background threads.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_EFFECTS_H
#define STATELESS_LIB_EFFECTS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>
#include <string>

namespace stateless {

enum class EffectKind { FileWrite, Timer };

/// What a call or construction does that outlives the request.
struct Effect {
  EffectKind Kind;
  /// The library function, method or class, as its users spell it:
  /// "std::ofstream", "boost::asio::basic_waitable_timer::async_wait".
  std::string Api;
  /// What it does: "opens a file for writing", "arms a timer".
  std::string Action;
  /// The timer or thread object the call arms, so that several calls on one
  /// object are one finding; null when the call is the object itself.
  const clang::Decl *Object = nullptr;
};

/// The effect of the call or construction \p E, if it is one the tables
/// know. Arguments that decide it (an open mode, flags) must be constants;
/// a mode the analysis cannot evaluate is taken as read-only.
std::optional<Effect> classifyEffect(const clang::Expr &E,
                                     const clang::ASTContext &Context);

} // namespace stateless

#endif

//===--- Annotations.cpp - reading the annotations of stateless/annotations.h
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Annotations.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace stateless {
namespace {

constexpr llvm::StringLiteral AllowTag = "stateless.allow";
constexpr llvm::StringLiteral HandlerTag = "stateless.handler";
constexpr llvm::StringLiteral Kinds[] = {"cache",     "pool",   "metrics",
                                         "dedup",     "ratelimit", "config",
                                         "sync",      "other"};

template <typename Fn> void forEachAnnotation(const Decl &D, Fn Visit) {
  for (const Decl *Redecl : D.redecls())
    for (const auto *A : Redecl->specific_attrs<AnnotateAttr>())
      if (!Visit(*A))
        return;
}

std::optional<std::string> stringArgument(const AnnotateAttr &A, unsigned I) {
  if (I >= A.args_size())
    return std::nullopt;
  const Expr *Arg = A.args_begin()[I];
  if (const auto *S = dyn_cast_or_null<StringLiteral>(
          Arg ? Arg->IgnoreParenImpCasts() : nullptr))
    if (S->getCharByteWidth() == 1)
      return S->getString().str();
  return std::nullopt;
}

} // namespace

llvm::StringRef allowedKindList() {
  return "cache, pool, metrics, dedup, ratelimit, config, sync, other";
}

std::optional<AllowAnnotation> findAllowAnnotation(const Decl &D) {
  std::optional<AllowAnnotation> Found;
  forEachAnnotation(D, [&](const AnnotateAttr &A) {
    if (A.getAnnotation() != AllowTag)
      return true;
    AllowAnnotation Allow;
    Allow.Loc = A.getLocation();
    Allow.Kind = stringArgument(A, 0).value_or("");
    Allow.Reason = stringArgument(A, 1).value_or("");
    if (!llvm::is_contained(Kinds, Allow.Kind))
      Allow.Issue = AllowProblem::UnknownKind;
    else if (llvm::StringRef(Allow.Reason).trim().empty())
      Allow.Issue = AllowProblem::MissingReason;
    Found = std::move(Allow);
    return false;
  });
  return Found;
}

bool hasHandlerAnnotation(const Decl &D) {
  bool Found = false;
  forEachAnnotation(D, [&](const AnnotateAttr &A) {
    Found = A.getAnnotation() == HandlerTag;
    return !Found;
  });
  return Found;
}

} // namespace stateless

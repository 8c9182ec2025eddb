//===--- Annotations.h - reading the annotations of stateless/annotations.h =//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_ANNOTATIONS_H
#define STATELESS_LIB_ANNOTATIONS_H

#include "Enumerations.h"

#include "clang/AST/Decl.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace stateless {

/// A `STATELESS_ALLOW(kind, "reason")` found on a declaration.
struct AllowAnnotation {
  clang::SourceLocation Loc; ///< Where the annotation is written.
  std::string Kind;
  std::string Reason;
  AllowProblem Issue = AllowProblem::None;

  bool isValid() const { return Issue == AllowProblem::None; }
};

/// The kinds STATELESS_ALLOW accepts, comma-separated, for messages and docs.
llvm::StringRef allowedKindList();

/// The first STATELESS_ALLOW on \p D or any of its redeclarations.
std::optional<AllowAnnotation> findAllowAnnotation(const clang::Decl &D);

/// True when \p D or one of its redeclarations carries STATELESS_HANDLER.
bool hasHandlerAnnotation(const clang::Decl &D);

} // namespace stateless

#endif

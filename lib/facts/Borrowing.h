//===--- Borrowing.h - members that refer to objects others own ------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A member that a constructor initialises from one of its parameters with a
// reference, pointer or shared pointer borrows its object: what is written
// through it is the creator's object, not the member's own state. Objects
// are handed on from argument to member and from member to the next
// constructor (main -> listener -> session).
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_FACTS_BORROWING_H
#define STATELESS_FACTS_BORROWING_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/SmallVector.h"
#include <utility>

namespace stateless {

/// A type that refers to an object rather than holding one: a reference, a
/// pointer or a shared pointer.
bool refersToObject(clang::QualType T);

/// The expression a value is passed on from: through parentheses, implicit
/// conversions, `std::move`, copies and `&`.
const clang::Expr *passedFrom(const clang::Expr *E);

/// The members \p Constructor keeps each of its parameters in (by index)
/// when they refer to an object rather than hold one: its borrowed members.
llvm::SmallVector<std::pair<unsigned, const clang::FieldDecl *>, 2>
borrowedMembers(const clang::CXXConstructorDecl &Constructor);

/// The member of `this` that \p Arg passes on, when it refers to an object.
const clang::FieldDecl *handedOnMember(const clang::Expr &Arg);

} // namespace stateless

#endif

//===--- WriteFinder.h - writes to the object an expression denotes --------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_WRITEFINDER_H
#define STATELESS_LIB_WRITEFINDER_H

#include "clang/AST/ParentMap.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace stateless {

/// Finds, inside one function body, the statements that modify the object an
/// expression refers to. Built on clang's ExprMutationAnalyzer, with two
/// refinements that keep reads from counting as writes:
///  - a non-const member call that has a const overload (`find`, `begin`,
///    `at`, `operator[]` of a vector, ...), or a map's `operator[]`, only
///    hands out access; it is a write when what it hands out is written
///    (`v[i] = x`, `it->second = y`, `m[k] = v`);
///  - writes through what the object points to count (`*p = x`, `sp->f = y`,
///    an iterator passed to `std::sort`);
///  - an argument of a function that forwards it (`std::make_shared<T>(x)`,
///    `v.emplace_back(p, n)`) is judged by what the function or constructor
///    finally called takes: a `const &` or a pointer to const only reads.
class WriteFinder {
public:
  /// \p Nesting: how many functions deep a pointer was followed to get here.
  WriteFinder(const clang::Stmt &Body, clang::ASTContext &Context,
              unsigned Nesting = 0);
  ~WriteFinder();

  /// What of an expression's object a write may change.
  enum class Part {
    ObjectOrPointee,
    /// The object itself: a pointer's value, not what it points to.
    Object,
    /// What the object points to (`p->f = x`, `sp->send(m)`), when it is a
    /// pointer, smart pointer or iterator.
    Pointee,
  };

  /// The statement that writes \p What of the object \p Ref denotes, or
  /// null.
  const clang::Stmt *findWrite(const clang::Expr &Ref,
                               Part What = Part::ObjectOrPointee);

  /// True when \p Write, found by findWrite, is the function returning a
  /// mutable reference or pointer: the writes are then its callers'.
  bool handsOutAccess(const clang::Stmt &Write);

  /// True when \p Write, found by findWrite for \p Ref, assigns the variable
  /// only while it is unset: inside `if (!x)`, `if (x == nullptr)`,
  /// `if (x.isNull())` or `if (x.empty())`. A lazy initialisation, run once
  /// like a static's initialiser.
  bool isLazyInitialisation(const clang::Stmt &Write, const clang::Expr &Ref);

  /// When \p Write, found by findWrite for \p Ref, calls a non-const method
  /// on the object \p Ref denotes (or a part of it), that method: the
  /// object changes only if the method changes it.
  static const clang::CXXMethodDecl *
  methodCalledOn(const clang::Stmt &Write, const clang::Expr &Ref);

private:
  /// Whether \p E is an argument of a call or construction.
  bool isCallArgument(const clang::Expr &E);
  const clang::Stmt *findWrite(const clang::Expr &Ref, unsigned Depth);
  const clang::Stmt *findObjectWrite(const clang::Expr &Ref, unsigned Depth);
  const clang::Stmt *findWriteThroughResult(const clang::Expr &Access,
                                            unsigned Depth);
  const clang::Stmt *findWriteThroughPointer(const clang::Expr &Pointer);
  /// The local pointer \p Pointer initialises or is assigned to.
  const clang::VarDecl *localCopyOf(const clang::Expr &Pointer);
  /// Like findWriteThroughPointer, and a pointer handed to a function (an
  /// array decayed to one) is written through when the function, as its
  /// body shows, writes through it or keeps it where its class does.
  const clang::Stmt *findWriteThroughHandedPointer(const clang::Expr &Pointer);
  bool writesThroughParameter(const clang::FunctionDecl &Callee,
                              unsigned Param);
  /// Whether a method of the field's class writes through the pointer it
  /// holds; unknown code may.
  bool writesThroughMember(const clang::FieldDecl &Field);
  const clang::Stmt *findWriteThroughPointee(const clang::Expr &E,
                                             bool FollowCopies,
                                             unsigned Depth);
  /// The call in \p Mutation of a non-const accessor (one with a const
  /// overload, or a lookup) on \p Ref, or with \p ThroughPointer on what
  /// the pointer \p Ref points to; null for any other mutation.
  const clang::Expr *accessorCall(const clang::Stmt &Mutation,
                                  const clang::Expr &Ref,
                                  bool ThroughPointer = false);
  bool onlyForwardedToReads(const clang::Stmt &Mutation, const clang::Expr &Arg,
                            bool Pointee);
  bool forwardsToWrite(const clang::FunctionDecl &Callee, unsigned Param,
                       bool Pointee, unsigned Depth);
  const clang::ParentMap &parentsOf(const clang::Stmt &Body);
  bool hasConstOverload(const clang::CXXMethodDecl &Method);
  /// True for an expression statement whose value nothing uses.
  bool isDiscarded(const clang::Expr &E);
  const clang::ParentMap &parents();

  const clang::Stmt &Body;
  clang::ASTContext &Context;
  clang::ExprMutationAnalyzer Analyzer;
  std::unique_ptr<clang::ParentMap> Parents;
  /// Of the bodies of forwarding functions followed.
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<clang::ParentMap>>
      OtherParents;
  llvm::DenseMap<const clang::CXXMethodDecl *, bool> ConstOverloads;
  const unsigned Nesting;
  /// Local copies of a pointer being followed, one inside another.
  unsigned CopiesFollowed = 0;
};

/// A function-local `static thread_local` that its function overwrites
/// entirely (`buffer = ...;`, `buffer.clear();`) before any other use, on
/// every call: scratch space, not state carried from one call to the next.
bool isScratchBuffer(const clang::VarDecl &Var, clang::ASTContext &Context);

/// One WriteFinder per analysed statement, shared by every analysis of a
/// translation unit so that each body is analysed once.
class WriteFinders {
public:
  explicit WriteFinders(clang::ASTContext &Context) : Context(Context) {}
  WriteFinder &forRoot(const clang::Stmt &Root);

private:
  clang::ASTContext &Context;
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<WriteFinder>> Finders;
};

/// While alive, narrows the unit's traversal scope to the functions searched
/// for writes. The mutation analyzer asks for ancestors, and the first such
/// question makes the ASTContext map the parent of every node in its scope:
/// in a whole unit, of every header it includes, which costs more time and
/// memory than all the rest of the analysis.
class NarrowedTraversalScope {
public:
  NarrowedTraversalScope(clang::ASTContext &Context,
                         llvm::ArrayRef<const clang::FunctionDecl *> Functions);
  /// Restores the previous scope (and drops the narrowed parent map).
  ~NarrowedTraversalScope();
  NarrowedTraversalScope(const NarrowedTraversalScope &) = delete;
  NarrowedTraversalScope &operator=(const NarrowedTraversalScope &) = delete;

private:
  clang::ASTContext &Context;
  std::vector<clang::Decl *> Saved;
};

} // namespace stateless

#endif

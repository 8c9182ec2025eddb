//===--- SharedObjects.h - start-up objects that request code shares -------===//
//
// A local of main() (or of other start-up code) lives as long as the
// process when request code holds on to it: a handler lambda that captures
// it by reference, or captures a pointer or shared_ptr to it by copy, or a
// handler object whose constructor keeps a reference, pointer or shared_ptr
// to it in a member; so does an object start-up code makes inline in the
// arguments of such a constructor. Writes request code makes through those
// are writes to that object, reported like a global's. Such a member borrows
// its pointee: what is written through it is the shared object's state, not
// the member's.
// With a project index, the constructors, the hand-ons from member to
// constructor and the writes through members of the other units count too.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_SHAREDOBJECTS_H
#define STATELESS_LIB_SHAREDOBJECTS_H

#include "CodeFacts.h"
#include "GlobalState.h"
#include "HandlerModel.h"
#include "WriteFinder.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace stateless {

/// What of a data member is its object's state: all of it, except for a
/// borrowed member (a reference, pointer or shared pointer that a
/// constructor of its class, defined in the unit, initialises from one of
/// its parameters): only its own value, since what it points to is the
/// object the creator passed in.
WriteFinder::Part memberStatePart(const clang::FieldDecl &Field);

/// An object of start-up code that request code shares: a local, or an
/// object made inline where it is handed to a constructor that keeps it
/// (`make_shared<listener>(ioc, make_shared<shared_state>())`).
struct SharedObject {
  const clang::VarDecl *Local = nullptr;
  const Creation *Made = nullptr;
  /// The start-up function that declares or makes it.
  const clang::FunctionDecl *Owner = nullptr;
};

/// What of the object a member refers to a write through it reaches: for a
/// reference, any write; for a pointer or shared pointer, those through it.
/// None for a member that holds its object.
std::optional<WriteFinder::Part> pointeePart(const clang::FieldDecl &Field);

/// The members \p Constructor keeps each of its parameters in (by index)
/// when they refer to an object rather than hold one: its borrowed members.
llvm::SmallVector<std::pair<unsigned, const clang::FieldDecl *>, 2>
borrowedMembers(const clang::CXXConstructorDecl &Constructor);

/// The member of `this` that \p Arg passes on, when it refers to an object.
const clang::FieldDecl *handedOnMember(const clang::Expr &Arg);

/// Calls \p Found with each object of start-up code that request code
/// shares and writes, and each such write: this unit's in the order of the
/// walk, then (with \p Remote) the other units'.
void findSharedLocalWrites(
    CodeFacts &Facts, const HandlerModel &Handlers, WriteFinders &Finders,
    const Project *Remote,
    llvm::function_ref<void(const SharedObject &, const Write &)> Found);

} // namespace stateless

#endif

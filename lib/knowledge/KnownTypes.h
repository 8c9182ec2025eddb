//===--- KnownTypes.h - library knowledge about state-holding types --------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// What the analysis knows about library types, kept as data tables in
// KnownTypes.cpp: keyed containers (session maps); synchronisation
// primitives, random number generators and service infrastructure (never
// state on their own); and the std algorithms that write through the
// iterators they are given.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_KNOWNTYPES_H
#define STATELESS_LIB_KNOWNTYPES_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace stateless {

/// Qualified name of \p D with inline and anonymous namespaces left out, so
/// that "std::__1::map" and "std::__cxx11::basic_string" read "std::map" and
/// "std::basic_string".
std::string qualifiedName(const clang::NamedDecl &D);

/// True when \p Name is one of \p Table's rows: the lookup of every data
/// table of library knowledge.
template <size_t N>
bool listed(llvm::StringRef Name, const llvm::StringLiteral (&Table)[N]) {
  return llvm::is_contained(Table, Name);
}

/// The class template \p RD is an instance of, or \p RD itself.
const clang::NamedDecl *templateOrSelf(const clang::CXXRecordDecl *RD);

/// The class a variable of type \p T is about: arrays, pointers, references
/// and owning wrappers (smart pointers, optional) are looked through.
/// Returns null when there is no class (scalars, incomplete or dependent types).
const clang::CXXRecordDecl *underlyingRecord(clang::QualType T);

/// A function pointer or reference, a pointer to a member function, or a
/// type-erased callable (std::function and its kin).
bool isCallableType(clang::QualType T);

/// A container (or array) of callables, also nested (a map of maps of
/// std::function): a project's own route table, a queue of jobs.
bool holdsCallables(clang::QualType T);

/// A map or set: a known keyed container or any class with both `key_type`
/// and `mapped_type` members (inherited ones included).
bool isKeyedContainer(clang::QualType T);

/// A mutex, once flag, condition variable, semaphore and the like.
bool isSynchronisationPrimitive(clang::QualType T);

/// An object that runs the service rather than holds its data: an event
/// loop, a server or router, a logger, a timer or a thread; a handle to a
/// store outside the process (a database or cache client); a converter.
/// Also when held through a pointer or an owning wrapper.
bool isServiceInfrastructure(clang::QualType T);

/// A random number engine, distribution or `std::random_device`.
bool isRandomGenerator(clang::QualType T);

/// One client's connection (an Asio or Beast socket or stream, a Qt socket),
/// however held.
bool isConnection(clang::QualType T);

/// An object (or array of objects) of a class that, bases included, has no
/// data members: a stateless handler, a tag, a functor. Pointers to one
/// hold an address, and are not; nor is an abstract class (an interface),
/// whose objects are of the classes that implement it.
bool holdsNoData(clang::QualType T);

/// A type that never holds state on its own: a synchronisation primitive,
/// a random generator, service infrastructure or a class without data.
bool neverHoldsState(clang::QualType T);

/// A library function that returns its argument as it is, cast to an rvalue
/// or to what it was (`std::forward`, `std::move`, Boost's `sp_forward`).
bool isForwardingCast(const clang::FunctionDecl &F);

/// A library function that keeps copies of the arguments its forwarding
/// references are given (`std::thread`'s constructor, `std::bind`,
/// `std::async`): an lvalue passed to it is read, not written.
bool copiesArguments(const clang::FunctionDecl &F);

/// A library method that replaces its object's whole content with what it
/// is given (`assign`, a string stream's `str(s)`, a JSON parser's or
/// document's `Parse`): nothing of the object's earlier content is left.
bool replacesContent(const clang::CXXMethodDecl &Method);

/// A library function that writes through the iterator passed as argument
/// \p ArgIndex (`std::sort`, the output of `std::copy`, ...).
bool writesThroughIteratorArgument(const clang::FunctionDecl &Callee,
                                   unsigned ArgIndex);

} // namespace stateless

#endif

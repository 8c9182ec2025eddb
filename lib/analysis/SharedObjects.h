//===--- SharedObjects.h - start-up objects that request code shares -------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A local of main() (or of other start-up code) lives as long as the
// process when request code holds on to it: a handler lambda that captures
// it by reference, or captures a pointer or shared_ptr to it by copy, or a
// handler object whose constructor keeps a reference, pointer or shared_ptr
// to it in a member; so does an object start-up code makes inline in the
// arguments of such a constructor, or hands to a reference or pointer
// parameter of a function that passes it on to one. Writes request code
// makes through those are writes to that object, reported like a global's.
// Objects are followed from call to parameter, from constructor to member
// and from member to the next constructor, in any unit of the program.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_ANALYSIS_SHAREDOBJECTS_H
#define STATELESS_ANALYSIS_SHAREDOBJECTS_H

#include "HandlerModel.h"

#include "llvm/ADT/STLFunctionalExtras.h"

namespace stateless {

/// An object of start-up code that request code shares: a local (its
/// Variable facts), or an object made inline (its Creation facts).
struct SharedObject {
  const index::Variable *Local = nullptr;
  const index::Creation *Made = nullptr;
  /// The start-up function that declares or makes it.
  FunctionRef Owner = nullptr;
};

/// Calls \p Found with each object of the live unit's start-up code that
/// request code shares and writes, and each such write: the function that
/// makes it and where.
void findSharedObjectWrites(
    const HandlerModel &Handlers,
    llvm::function_ref<void(const SharedObject &, FunctionRef,
                            const FileLocation &)>
        Found);

} // namespace stateless

#endif

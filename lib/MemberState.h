//===--- MemberState.h - data members of long-lived handler objects --------===//
//
// Facts stateless-handler-member-state reports from: the data members of
// handler objects that request code writes. A handler object is an object of
// a class whose methods serve requests (overrides of handler base classes,
// member functions registered as handlers) or whose `this` a registered
// lambda captures. Objects created per request (by the framework, or by
// request code itself) hold request state and are left out.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_LIB_MEMBERSTATE_H
#define STATELESS_LIB_MEMBERSTATE_H

#include "Annotations.h"
#include "CodeFacts.h"
#include "GlobalState.h"
#include "HandlerModel.h"
#include "WriteFinder.h"

#include <optional>
#include <vector>

namespace stateless {

struct MemberState {
  const clang::FieldDecl *Field = nullptr;
  /// The handler class whose objects hold it (the field may be inherited).
  const clang::CXXRecordDecl *Handler = nullptr;
  bool Keyed = false;
  /// False for members that never hold state on their own: const members,
  /// references, synchronisation primitives, random generators, service
  /// infrastructure (a server member that is only used).
  bool CanHoldState = false;
  std::optional<AllowAnnotation> Allow;
  /// The writes outside start-up code and the object's constructors and
  /// destructor, in source order.
  std::vector<Write> Writes;
};

class MemberStateAnalysis {
public:
  /// With \p Remote, roots and writes of the whole project count, and only
  /// the members this unit reports for the project are kept. Members of
  /// objects that a variable of \p Globals holds (a singleton, the values
  /// of a session map) belong to that variable's finding and are left out.
  MemberStateAnalysis(CodeFacts &Facts, const HandlerModel &Handlers,
                      WriteFinders &Finders, const GlobalStateAnalysis &Globals,
                      const Project *Remote);

  /// In source order of their declarations.
  const std::vector<MemberState> &members() const { return Members; }

private:
  std::vector<MemberState> Members;
};

} // namespace stateless

#endif

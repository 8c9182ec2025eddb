//===--- HandlerMemberStateCheck.cpp - stateless-handler-member-state ------===//

#include "HandlerMemberStateCheck.h"
#include "KnownTypes.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace stateless {

void HandlerMemberStateCheck::report(TranslationUnitAnalysis &Analysis,
                                     SourceManager &SM) {
  const HandlerModel &Handlers = Analysis.handlers();
  for (const MemberState &M : Analysis.memberState().members()) {
    const std::string Name = qualifiedName(*M.Field);
    // A malformed annotation is reported, and allows nothing.
    const bool Allowed = M.Allow && M.Allow->isValid();
    if (M.Allow && !Allowed)
      reportAnnotationProblem(*M.Allow, Name, SM);
    if (!M.CanHoldState || M.Writes.empty() || (Allowed && !ReportAllowed))
      continue;

    const ShownWrite Show = showWrite(Handlers, M.Writes);
    if (!Show.Shown && ReportScope == Scope::Handlers)
      continue;
    llvm::StringRef When =
        Show.Shown ? "while serving requests" : "after start-up";
    const Write &Shown = Show.Shown ? *Show.Shown : M.Writes.front();
    diag(SM.getFileLoc(M.Field->getLocation()),
         M.Keyed ? "member '%0' of a long-lived handler object is modified %1: "
                   "entries stored in one instance are missing from the others "
                   "and lost on restart"
                 : "member '%0' of a long-lived handler object is modified %1: "
                   "its value is per-instance and lost on restart")
        << Name << When;
    SourceLocation WriteLoc = locate(Shown, SM);
    if (WriteLoc.isValid())
      diag(WriteLoc, "'%0' is modified here", DiagnosticIDs::Note)
          << M.Field->getName();
    if (Show.FromHandler)
      emitNotes(Handlers.describe(*Show.FromHandler), SM);
    emitOtherHandlers(Handlers, Show.Writers, Show.FromHandler, SM);
    emitAllowedNote(M.Allow, SM);
  }
}

} // namespace stateless

//===--- StaticSessionMapCheck.cpp - stateless-static-session-map ---------===//

#include "StaticSessionMapCheck.h"
#include "Annotations.h"

#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace stateless {

void StaticSessionMapCheck::report(TranslationUnitAnalysis &Analysis,
                                   SourceManager &SM) {
  reportVariables(Analysis, SM);
  // Session stores are configured at start-up: every function counts.
  CodeFacts &Facts = Analysis.facts();
  llvm::DenseSet<SourceLocation> Sites;
  for (const FunctionDecl *F : Facts.walkedFunctions()) {
    if (F->isDependentContext() ||
        !SM.isInMainFile(SM.getExpansionLoc(F->getLocation())))
      continue;
    for (const EffectSite &E : Facts.factsOf(F)->Effects) {
      SourceLocation Loc = SM.getFileLoc(E.Site->getExprLoc());
      if (E.What.Kind != EffectKind::SessionStore || !Sites.insert(Loc).second)
        continue;
      std::optional<AllowAnnotation> Allow = findAllowAnnotation(*F);
      if (Allow && !Allow->isValid()) {
        reportAnnotationProblem(*Allow, F->getNameAsString(), SM);
        Allow.reset();
      }
      if (Allow && !ReportAllowed)
        continue;
      diag(Loc, "'%0' %1: a user's next request, served by another instance, "
                "finds no session, and a restart loses them all; keep "
                "sessions in a shared store (Redis, a database) or in signed "
                "tokens")
          << E.What.Api << E.What.Action;
      emitAllowedNote(Allow, SM);
    }
  }
}

} // namespace stateless

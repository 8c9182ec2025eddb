//===--- EffectCheck.cpp - shared base of the reachability checks ----------===//

#include "EffectCheck.h"
#include "Annotations.h"
#include "ScheduledJobs.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace stateless {

EffectCheck::EffectCheck(llvm::StringRef Name, tidy::ClangTidyContext *Context,
                         EffectKind Reports)
    : StatelessCheck(Name, Context, Scope::Handlers), Reports(Reports) {}

std::optional<AllowAnnotation> EffectCheck::allowedBy(const Decl *D,
                                                     SourceManager &SM) {
  if (!D)
    return std::nullopt;
  std::optional<AllowAnnotation> Allow = findAllowAnnotation(*D);
  if (!Allow || Allow->isValid())
    return Allow;
  if (ReportedAnnotations.insert(D->getCanonicalDecl()).second) {
    const auto *Named = dyn_cast<NamedDecl>(D);
    reportAnnotationProblem(*Allow, Named ? Named->getNameAsString() : "", SM);
  }
  return std::nullopt;
}

void EffectCheck::report(TranslationUnitAnalysis &Analysis,
                         SourceManager &SM) {
  CodeFacts &Facts = Analysis.facts();
  const HandlerModel &Handlers = Analysis.handlers();
  ReportedAnnotations.clear();

  // The code to report from: what handlers reach in this unit or, with
  // Scope 'all', everything walked but start-up code.
  std::vector<const FunctionDecl *> Code;
  for (FunctionNode F : Handlers.handlerCode())
    if (const auto *Live = dyn_cast<const FunctionDecl *>(F))
      Code.push_back(Live);
  if (ReportScope == Scope::All)
    for (const FunctionDecl *F : Facts.walkedFunctions())
      if (!F->isDependentContext() && !Handlers.isStartUpOnly(F))
        Code.push_back(F);

  struct Finding {
    const EffectSite *Effect;
    const FunctionDecl *In;
    ScheduledJobs::Verdict Verdict;
  };
  std::vector<Finding> Findings;
  // Scheduled jobs are reported wherever they are armed, start-up included.
  std::optional<ScheduledJobs> Jobs;
  const llvm::DenseSet<const FunctionDecl *> InCode(Code.begin(), Code.end());
  if (Reports == EffectKind::Timer) {
    Jobs.emplace(Facts, Handlers);
    for (const FunctionDecl *F : Facts.walkedFunctions())
      if (!F->isDependentContext() && !InCode.contains(F))
        Code.push_back(F);
  }
  // With the project index, an effect in a header's function is reported
  // by one unit of the project.
  const Project *Remote = Analysis.project();
  auto Owns = [&](const FunctionDecl *F) {
    bool InMainFile = SM.isInMainFile(SM.getExpansionLoc(F->getLocation()));
    return !Remote || InMainFile ||
           Remote->View.liveOwnsFunction(Remote->Usrs.of(F), InMainFile);
  };
  for (const FunctionDecl *F : Code)
    if (const FunctionFacts *Known = Owns(F) ? Facts.factsOf(F) : nullptr)
      for (const EffectSite &E : Known->Effects)
        if (E.What.Kind == Reports) {
          ScheduledJobs::Verdict V =
              Jobs ? Jobs->judge(E, *F)
                   : ScheduledJobs::Verdict{ScheduledJobs::Kind::Once,
                                            E.What.Action};
          if (V.What == ScheduledJobs::Kind::Recurring ||
              (V.What == ScheduledJobs::Kind::Once && InCode.contains(F)))
            Findings.push_back({&E, F, std::move(V)});
        }
  llvm::stable_sort(Findings, [&](const Finding &A, const Finding &B) {
    return SM.isBeforeInTranslationUnit(
        SM.getFileLoc(A.Effect->Site->getExprLoc()),
        SM.getFileLoc(B.Effect->Site->getExprLoc()));
  });

  // One finding per site (template instantiations share theirs) and per
  // timer or thread object (armed again and again).
  llvm::DenseSet<SourceLocation> Sites;
  llvm::DenseSet<const Decl *> Objects;
  for (const Finding &Found : Findings) {
    const EffectSite &E = *Found.Effect;
    SourceLocation Loc = SM.getFileLoc(E.Site->getExprLoc());
    if (!Sites.insert(Loc).second ||
        (E.What.Object && !Objects.insert(E.What.Object).second))
      continue;
    std::optional<AllowAnnotation> Allow = allowedBy(Found.In, SM);
    if (!Allow)
      Allow = allowedBy(E.What.Object, SM);
    if (Allow && !ReportAllowed)
      continue;
    std::optional<HandlerPath> Path = Handlers.pathTo(Found.In);
    llvm::StringRef During = Path ? " while serving a request" : "";
    if (Reports == EffectKind::FileWrite)
      diag(Loc, "'%0' %1 on this instance's disk%2; keep files in object "
                "storage or a database")
          << E.What.Api << E.What.Action << During;
    else if (Found.Verdict.What == ScheduledJobs::Kind::Recurring)
      diag(Loc, "'%0' %1%2: a scheduled job of this instance, run by every "
                "instance and stopped with it; run it from an external "
                "scheduler (a cron job, a queue's scheduled messages)")
          << E.What.Api << Found.Verdict.Action << During;
    else
      diag(Loc, "'%0' %1 in this instance%2: the job runs on this instance "
                "only and is lost when it stops; use an external scheduler "
                "or a job queue")
          << E.What.Api << Found.Verdict.Action << During;
    if (Path)
      emitNotes(Handlers.describe(*Path), SM);
    emitOtherHandlers(Handlers, {Found.In}, Path, SM);
    emitAllowedNote(Allow, SM);
  }
}

} // namespace stateless

//===--- EffectCheck.h - shared base of the reachability checks ------------===//
//
// stateless-local-fs-write and stateless-instance-timer report calls with an
// effect that outlives the request (a local file, a timer) in code a request
// handler reaches, with the path from the handler as notes.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_EFFECTCHECK_H
#define STATELESS_CHECKS_EFFECTCHECK_H

#include "Effects.h"
#include "StatelessCheck.h"

namespace stateless {

class EffectCheck : public StatelessCheck {
public:
  EffectCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
              EffectKind Reports);

private:
  void report(TranslationUnitAnalysis &Analysis,
              clang::SourceManager &SM) override;
  /// The valid STATELESS_ALLOW on \p D that allows the effect; a malformed
  /// one is reported (once) and allows nothing.
  std::optional<AllowAnnotation> allowedBy(const clang::Decl *D,
                                           clang::SourceManager &SM);

  const EffectKind Reports;
  llvm::DenseSet<const clang::Decl *> ReportedAnnotations;
};

} // namespace stateless

#endif

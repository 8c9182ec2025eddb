//===--- StatelessCheck.h - what every stateless-* check shares ------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// A stateless-* check reads its options (Configuration.h), asks the unit's
// shared analysis (UnitAnalysis.h) for its findings and places them in the
// unit as diagnostics.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_STATELESSCHECK_H
#define STATELESS_CHECKS_STATELESSCHECK_H

#include "Configuration.h"
#include "UnitAnalysis.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace stateless {

class StatelessCheck : public clang::tidy::ClangTidyCheck {
public:
  StatelessCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                 Check Reports);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) final;
  void onEndOfTranslationUnit() override;

private:
  /// The project index the unit is analysed with: named by the
  /// ProjectIndex option, or found from the unit's build directory or its
  /// main file's directory upwards; empty for none.
  std::string indexPath(const clang::SourceManager &SM) const;

  const Check Reports;
  clang::tidy::ClangTidyContext *const TidyContext;
  const CheckConfiguration Configuration;
  std::shared_ptr<UnitAnalysis> Analysis;
};

} // namespace stateless

#endif

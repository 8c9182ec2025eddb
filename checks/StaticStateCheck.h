//===--- StaticStateCheck.h - shared base of the declaration checks --------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// stateless-mutable-global and stateless-static-session-map report the same
// thing for two partitions of types: a variable with static or thread storage
// duration that the translation unit modifies after start-up.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_STATICSTATECHECK_H
#define STATELESS_CHECKS_STATICSTATECHECK_H

#include "StatelessCheck.h"

namespace stateless {

class StaticStateCheck : public StatelessCheck {
public:
  /// Which variables a check reports: maps and sets, or everything else.
  enum class Partition { Values, KeyedContainers };

  StaticStateCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                   Partition Reports);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// Reports the variables of this check's partition.
  void reportVariables(TranslationUnitAnalysis &Analysis,
                       clang::SourceManager &SM);

private:
  void report(TranslationUnitAnalysis &Analysis,
              clang::SourceManager &SM) override {
    reportVariables(Analysis, SM);
  }
  bool isAllowedByOptions(const GlobalVariable &G) const;
  void reportWrite(const GlobalVariable &G, const Write &W,
                   const std::vector<Note> &Path,
                   clang::SourceManager &SM);

  const Partition Reports;
  const std::string AllowedTypesSource;
  const std::string AllowedNamesSource;
  const RegexList AllowedTypes;
  const RegexList AllowedNames;
};

} // namespace stateless

#endif

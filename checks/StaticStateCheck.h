//===--- StaticStateCheck.h - shared base of the declaration checks --------===//
//
// stateless-mutable-global and stateless-static-session-map report the same
// thing for two partitions of types: a variable with static or thread storage
// duration that the translation unit modifies after start-up.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_STATICSTATECHECK_H
#define STATELESS_CHECKS_STATICSTATECHECK_H

#include "GlobalState.h"
#include "RegexList.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace stateless {

class StaticStateCheck : public clang::tidy::ClangTidyCheck {
public:
  /// Which variables a check reports: maps and sets, or everything else.
  enum class Partition { Values, KeyedContainers };

  StaticStateCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                   Partition Reports);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  RegexList readRegexOption(llvm::StringRef Option, const std::string &Value);
  bool isAllowedByOptions(const GlobalVariable &G) const;
  void reportAnnotationProblem(const GlobalVariable &G,
                               const AllowAnnotation &Allow,
                               const clang::SourceManager &SM);
  void reportWrite(const GlobalVariable &G, const Write &W,
                   const clang::SourceManager &SM);

  const std::string CheckName; // ClangTidyCheck::getID() is private before LLVM 17
  const Partition Reports;
  const std::string AllowedTypesSource;
  const std::string AllowedNamesSource;
  const RegexList AllowedTypes;
  const RegexList AllowedNames;
  std::shared_ptr<const GlobalStateAnalysis> Analysis;
};

} // namespace stateless

#endif

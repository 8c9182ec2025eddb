//===--- StatelessCheck.h - what every stateless-* check shares ------------===//
//
// A stateless-* check reads its options, asks the unit's shared analysis
// (UnitAnalysis.h) for its findings and places them in the unit as
// diagnostics. The handler options (HandlerFunctions, HandlerRegistrars,
// HandlerBaseClasses), ReportAllowed, ReportAllHandlers and ProjectIndex are
// read as local or global options so that one setting serves every check.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_STATELESSCHECK_H
#define STATELESS_CHECKS_STATELESSCHECK_H

#include "Findings.h"
#include "RegexList.h"
#include "UnitAnalysis.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace stateless {

class StatelessCheck : public clang::tidy::ClangTidyCheck {
public:
  /// Which code a check reports from by default: code reachable from a
  /// request handler, or all code except start-up code.
  enum class Scope { Handlers, All };

  StatelessCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                 Check Reports, Scope DefaultScope);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) final;
  void onEndOfTranslationUnit() override;

protected:
  /// Parses a semicolon-separated list of regular expressions; a malformed
  /// one is a configuration error and leaves the option at its default.
  /// For constructors only, while the configuration is the one being read.
  RegexList readRegexOption(llvm::StringRef Option, const std::string &Value);

  /// What the options make of what the check reports.
  ReportOptions Reporting;

private:
  /// The project index the unit is analysed with: named by the
  /// ProjectIndex option, or found from the unit's build directory or its
  /// main file's directory upwards; empty for none.
  std::string indexPath(const clang::SourceManager &SM) const;
  Scope readScope(Scope Default);
  /// A global or local option that is 'true' or 'false'.
  bool readBoolOption(llvm::StringRef Option);
  /// \p Option's key as the configuration spells it: this check's own key
  /// when set, else the global one (a global key's error is then reported
  /// once, since clang-tidy drops identical configuration errors).
  std::string configuredKey(llvm::StringRef Option) const;

  const Check Reports;
  const std::string CheckName; // ClangTidyCheck::getID() is private before LLVM 17
  /// Before the options read with it (configuredKey).
  clang::tidy::ClangTidyContext *const TidyContext;
  const Scope ReportScope;
  const std::string HandlerFunctions;
  const std::string HandlerRegistrars;
  const std::string HandlerBaseClasses;
  const std::string ProjectIndexPath;
  const HandlerOptions Handlers;
  std::shared_ptr<UnitAnalysis> Analysis;
};

/// The checks of pieces of state held in variables: AllowedTypes and
/// AllowedNames exempt some of them.
class StaticStateCheck : public StatelessCheck {
public:
  StaticStateCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                   Check Reports);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  const std::string AllowedTypesSource;
  const std::string AllowedNamesSource;
};

} // namespace stateless

#endif

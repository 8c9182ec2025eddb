//===--- StatelessCheck.h - what every stateless-* check shares ------------===//
//
// The handler options (HandlerFunctions, HandlerRegistrars,
// HandlerBaseClasses), ReportAllowed, ReportAllHandlers and ProjectIndex,
// read as local or
// global options so that one setting serves every check, the Scope option,
// and the per-unit analysis all checks of a translation unit share.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_STATELESSCHECK_H
#define STATELESS_CHECKS_STATELESSCHECK_H

#include "HandlerModel.h"
#include "RegexList.h"
#include "TranslationUnitAnalysis.h"

#include "clang-tidy/ClangTidyCheck.h"

namespace stateless {

class StatelessCheck : public clang::tidy::ClangTidyCheck {
public:
  /// Which code a check reports from: code reachable from a request handler,
  /// or all code except start-up code.
  enum class Scope { Handlers, All };

  StatelessCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                 Scope DefaultScope);

  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) final;
  void onEndOfTranslationUnit() override;

protected:
  /// Parses a semicolon-separated list of regular expressions; a malformed
  /// one is a configuration error and leaves the option at its default.
  /// For constructors only, while the configuration is the one being read.
  RegexList readRegexOption(llvm::StringRef Option, const std::string &Value);

  void emitNotes(const std::vector<Note> &Notes, clang::SourceManager &SM);

  /// \p Where, a place in another file of the project, as a location of
  /// this unit's source manager (which opens the file if the unit did not
  /// include it); invalid when the file cannot be read.
  static clang::SourceLocation locate(const FileLocation &Where,
                                      clang::SourceManager &SM);
  /// Where a write is: in this unit, or in another file of the project.
  static clang::SourceLocation locate(const Write &W, clang::SourceManager &SM);

  /// Reports a STATELESS_ALLOW with an unknown kind or no reason, on \p Name.
  void reportAnnotationProblem(const AllowAnnotation &Allow,
                               llvm::StringRef Name,
                               const clang::SourceManager &SM);

  /// Under ReportAllowed, a finding that a valid STATELESS_ALLOW allows is
  /// reported all the same, followed by this note at the annotation, so that
  /// SARIF output can record it as suppressed in source. Nothing when
  /// \p Allow is absent or malformed.
  void emitAllowedNote(const std::optional<AllowAnnotation> &Allow,
                       const clang::SourceManager &SM);

  /// The write a finding on state with \p Writes shows: the first that a
  /// handler reaches, with that handler's path, else the first write (and
  /// no path). Writers lists the functions of every write.
  struct ShownWrite {
    const Write *Shown;
    std::optional<HandlerPath> FromHandler;
    std::vector<FunctionNode> Writers;
  };
  static ShownWrite showWrite(const HandlerModel &Handlers,
                              llvm::ArrayRef<Write> Writes);

  /// Under ReportAllHandlers, one note for each handler other than the one
  /// of \p Shown that reaches one of \p Writers: at the handler, naming the
  /// calls of its shortest path (for reports that list every writer).
  void emitOtherHandlers(const HandlerModel &Handlers,
                         llvm::ArrayRef<FunctionNode> Writers,
                         const std::optional<HandlerPath> &Shown,
                         clang::SourceManager &SM);

  const std::string CheckName; // ClangTidyCheck::getID() is private before LLVM 17
  /// Before the options read with it (configuredKey).
  clang::tidy::ClangTidyContext *const TidyContext;
  const Scope ReportScope;
  const bool ReportAllowed;
  const bool ReportAllHandlers;

private:
  /// Reports what the check finds in the unit's shared analysis.
  virtual void report(TranslationUnitAnalysis &Analysis,
                      clang::SourceManager &SM) = 0;
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

  const std::string HandlerFunctions;
  const std::string HandlerRegistrars;
  const std::string HandlerBaseClasses;
  const std::string ProjectIndexPath;
  const HandlerOptions Handlers;
  std::shared_ptr<TranslationUnitAnalysis> Analysis;
};

} // namespace stateless

#endif

//===--- Report.cpp - the checks' findings from the project index ---------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Report.h"

#include "Configuration.h"
#include "TidyOptions.h"
#include "UnitAnalysis.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/YAMLTraits.h"
#include <set>

namespace stateless {
namespace {

/// A diagnostic of --export-fixes and, with --baseline, whether it is new
/// against the baseline ("new", "unchanged"), for stateless-sarif.py.
struct ExportedDiagnostic {
  clang::tooling::Diagnostic D;
  std::string BaselineState;
};

/// clang-tidy's --export-fixes document, with BaselineState keys.
struct ExportedFixes {
  std::string MainSourceFile;
  std::vector<ExportedDiagnostic> Diagnostics;
};

} // namespace
} // namespace stateless

LLVM_YAML_IS_SEQUENCE_VECTOR(stateless::ExportedDiagnostic)

namespace llvm {
namespace yaml {
template <> struct MappingTraits<stateless::ExportedDiagnostic> {
  static void mapping(IO &Io, stateless::ExportedDiagnostic &E) {
    MappingTraits<clang::tooling::Diagnostic>::mapping(Io, E.D);
    Io.mapOptional("BaselineState", E.BaselineState, std::string());
  }
};
template <> struct MappingTraits<stateless::ExportedFixes> {
  static void mapping(IO &Io, stateless::ExportedFixes &Doc) {
    Io.mapRequired("MainSourceFile", Doc.MainSourceFile);
    Io.mapRequired("Diagnostics", Doc.Diagnostics);
  }
};
} // namespace yaml
} // namespace llvm

namespace stateless {
namespace {

namespace tidy = clang::tidy;

/// The source files findings point into, read once.
class SourceFiles {
public:
  /// The lines of \p File, from 1; none when it cannot be read.
  llvm::ArrayRef<llvm::StringRef> lines(llvm::StringRef File) {
    auto [It, New] = Files.try_emplace(File);
    if (New)
      if (llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Read =
              llvm::MemoryBuffer::getFile(File, /*IsText=*/true)) {
        It->second.Buffer = std::move(*Read);
        llvm::StringRef Text = It->second.Buffer->getBuffer();
        It->second.Lines.emplace_back(""); // lines count from 1
        for (const char *Start = Text.begin(); Start <= Text.end();) {
          const char *End = std::find(Start, Text.end(), '\n');
          It->second.Lines.emplace_back(Start, End - Start);
          Start = End + 1;
        }
      }
    return It->second.Lines;
  }

  /// The byte offset of \p At in its file (as --export-fixes records it).
  unsigned offset(const FileLocation &At) {
    llvm::ArrayRef<llvm::StringRef> Lines = lines(At.File);
    if (At.Line >= Lines.size())
      return 0;
    return Lines[At.Line].data() - Lines[1].data() + At.Column - 1;
  }

private:
  struct File {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    std::vector<llvm::StringRef> Lines;
  };
  llvm::StringMap<File> Files;
};

/// The checks a NOLINT comment names: all without a list.
bool namesCheck(llvm::StringRef Rest, llvm::StringRef CheckName) {
  if (!Rest.consume_front("("))
    return true;
  return tidy::GlobList(Rest.take_until([](char C) { return C == ')'; }),
                        /*KeepNegativeGlobs=*/false)
      .contains(CheckName);
}

/// Whether a NOLINT comment silences \p CheckName at \p At, as clang-tidy
/// reads them: on the line, its NEXTLINE form on the line before, or inside
/// its BEGIN and END forms. (The words are spelled in pieces here, since
/// clang-tidy reads them in any text of this file too.)
bool isSilenced(const FileLocation &At, llvm::StringRef CheckName,
                SourceFiles &Sources) {
  llvm::ArrayRef<llvm::StringRef> Lines = Sources.lines(At.File);
  if (At.Line >= Lines.size())
    return false;
  auto Directive = [&](llvm::StringRef Line, llvm::StringRef Name) {
    for (size_t At = Line.find(Name); At != llvm::StringRef::npos;
         At = Line.find(Name, At + 1)) {
      llvm::StringRef Rest = Line.drop_front(At + Name.size());
      // NOLINT is not one of its longer forms.
      if (!Rest.empty() && (llvm::isAlnum(Rest.front()) || Rest.front() == '_'))
        continue;
      if (namesCheck(Rest, CheckName))
        return true;
    }
    return false;
  };
  if (Directive(Lines[At.Line], "NOLINT") ||
      (At.Line > 1 && Directive(Lines[At.Line - 1], "NOLINT" "NEXTLINE")))
    return true;
  int Open = 0;
  for (unsigned Line = 1; Line <= At.Line; ++Line) {
    Open += Directive(Lines[Line], "NOLINT" "BEGIN");
    if (Line < At.Line && Open > 0 && Directive(Lines[Line], "NOLINT" "END"))
      --Open;
  }
  return Open > 0;
}

/// What clang-tidy would read for a file: its .clang-tidy files, or
/// --config (over them with InheritParentConfig), under the command line's
/// options.
class Configurations {
public:
  explicit Configurations(const ReportSettings &Settings,
                          tidy::ClangTidyOptions Config) {
    if (Settings.Config)
      Provider = std::make_unique<tidy::ConfigOptionsProvider>(
          tidy::ClangTidyGlobalOptions(), tidy::ClangTidyOptions::getDefaults(),
          std::move(Config), overrides(Settings));
    else
      Provider = std::make_unique<tidy::FileOptionsProvider>(
          tidy::ClangTidyGlobalOptions(), tidy::ClangTidyOptions::getDefaults(),
          overrides(Settings));
  }

  tidy::ClangTidyOptions forFile(llvm::StringRef File) {
    return Provider->getOptions(File);
  }

private:
  static tidy::ClangTidyOptions overrides(const ReportSettings &Settings) {
    tidy::ClangTidyOptions Options;
    Options.Checks = Settings.Checks;
    Options.HeaderFilterRegex = Settings.HeaderFilter;
    Options.WarningsAsErrors = Settings.WarningsAsErrors;
    return Options;
  }

  std::unique_ptr<tidy::ClangTidyOptionsProvider> Provider;
};

/// The options of check \p C as clang-tidy hands them to it.
CheckConfiguration configurationOf(Check C,
                                   const tidy::ClangTidyOptions &Options,
                                   std::vector<std::string> &Problems) {
  return readConfiguration(
      C,
      [&](llvm::StringRef Name, bool LocalOnly) {
        return checkOption(Options, C, Name, LocalOnly);
      },
      Problems);
}

/// Whether \p At is in code of the unit \p MainFile that clang-tidy shows
/// diagnostics in: its main file, or a header the filter lets through.
bool isShown(const FileLocation &At, llvm::StringRef MainFile,
             const tidy::ClangTidyOptions &Options) {
  if (!At.isValid() || At.File == MainFile)
    return true;
  if (!llvm::Regex(Options.HeaderFilterRegex.value_or("")).match(At.File))
    return false;
#if LLVM_VERSION_MAJOR >= 19
  if (Options.ExcludeHeaderFilterRegex &&
      !Options.ExcludeHeaderFilterRegex->empty() &&
      llvm::Regex(*Options.ExcludeHeaderFilterRegex).match(At.File))
    return false;
#endif
  return true;
}

void printAt(llvm::raw_ostream &OS, const FileLocation &At,
             llvm::StringRef Level, llvm::StringRef Message) {
  OS << At.File << ":" << At.Line << ":" << At.Column << ": " << Level << ": "
     << Message;
}

/// The source line under a diagnostic, with a caret under its column.
void printSnippet(llvm::raw_ostream &OS, const FileLocation &At,
                  SourceFiles &Sources) {
  llvm::ArrayRef<llvm::StringRef> Lines = Sources.lines(At.File);
  if (At.Line == 0 || At.Line >= Lines.size())
    return;
  llvm::StringRef Line = Lines[At.Line];
  OS << Line << "\n";
  for (unsigned Column = 1; Column < At.Column && Column <= Line.size();
       ++Column)
    OS << (Line[Column - 1] == '\t' ? '\t' : ' ');
  OS << "^\n";
}

/// \p F as --export-fixes records it.
clang::tooling::Diagnostic diagnosticOf(const Finding &F, bool Error,
                                        llvm::StringRef BuildDirectory,
                                        SourceFiles &Sources) {
  clang::tooling::Diagnostic D(checkName(F.From),
                               Error ? clang::tooling::Diagnostic::Error
                                     : clang::tooling::Diagnostic::Warning,
                               BuildDirectory);
  D.Message.Message = F.Message;
  D.Message.FilePath = F.At.File;
  D.Message.FileOffset = Sources.offset(F.At);
  for (const Note &N : F.Notes) {
    clang::tooling::DiagnosticMessage Message(N.Message);
    Message.FilePath = N.At.File;
    Message.FileOffset = Sources.offset(N.At);
    D.Notes.push_back(std::move(Message));
  }
  return D;
}

/// What makes a finding the same in a baseline: its check, its file and
/// its message (which names the state, not the line); the line can move.
std::string identity(const Finding &F) {
  return (checkName(F.From) + llvm::Twine('\0') + F.At.File + llvm::Twine('\0') +
          F.Message)
      .str();
}

/// How many findings of each identity the units of \p Baseline have under
/// the configuration \p Config gives each file now.
llvm::StringMap<unsigned>
baselineFindings(const std::shared_ptr<const ProjectIndex> &Baseline,
                 Configurations &Config) {
  llvm::StringMap<unsigned> Counts;
  for (unsigned N = 0; N < Baseline->size(); ++N) {
    const index::Unit *U = Baseline->unit(N);
    if (!U)
      continue; // damaged: named when it was read
    const tidy::ClangTidyOptions Options = Config.forFile(U->MainFile);
    tidy::CachedGlobList Enabled(Options.Checks.value_or(""));
    UnitAnalysis Analysis(*U, Baseline);
    for (Check C : AllChecks) {
      if (!Enabled.contains(checkName(C)))
        continue;
      std::vector<std::string> Unused;
      for (const Finding &F :
           Analysis.findings(C, configurationOf(C, Options, Unused).Report))
        ++Counts[identity(F)];
    }
  }
  return Counts;
}

} // namespace

int reportFindings(const std::shared_ptr<const ProjectIndex> &Index,
                   llvm::ArrayRef<std::string> MainFiles,
                   const ReportSettings &Settings, llvm::raw_ostream &OS) {
  tidy::ClangTidyOptions Given;
  if (Settings.Config) {
    llvm::ErrorOr<tidy::ClangTidyOptions> Parsed = tidy::parseConfiguration(
        llvm::MemoryBufferRef(*Settings.Config, "--config"));
    if (!Parsed) {
      llvm::errs() << "stateless-index: error: invalid --config: "
                   << Parsed.getError().message() << "\n";
      return 1;
    }
    Given = std::move(*Parsed);
  }
  Configurations Config(Settings, std::move(Given));
  llvm::StringMap<unsigned> Baseline;
  if (Settings.Baseline)
    Baseline = baselineFindings(Settings.Baseline, Config);
  SourceFiles Sources;
  ExportedFixes Exported;
  std::set<std::string> Problems;
  unsigned Shown = 0, Errors = 0, Silenced = 0, Unchanged = 0;
  std::vector<std::string> LeftOut;
  ProjectIndex::FilesSeen Files;
  for (const std::string &MainFile : MainFiles) {
    std::optional<unsigned> Unit = Index->facts().unitOf(MainFile);
    if (!Unit)
      continue; // not indexed: named as such already
    const index::Unit *Facts = Index->unit(*Unit);
    if (!Facts)
      continue; // damaged: named when it was read
    if (Index->isStale(*Unit, Files)) {
      LeftOut.push_back(MainFile); // its facts may be wrong
      continue;
    }
    const tidy::ClangTidyOptions Options = Config.forFile(MainFile);
    tidy::CachedGlobList Enabled(Options.Checks.value_or(""));
    tidy::CachedGlobList AsErrors(Options.WarningsAsErrors.value_or(""));
    UnitAnalysis Analysis(*Facts, Index);
    struct Reported {
      Finding F;
      bool Error;
    };
    std::vector<Reported> Found;
    for (Check C : AllChecks) {
      const llvm::StringRef Name = checkName(C);
      if (!Enabled.contains(Name))
        continue;
      std::vector<std::string> Read;
      CheckConfiguration Checked = configurationOf(C, Options, Read);
      Problems.insert(Read.begin(), Read.end());
      std::vector<Finding> Findings = Analysis.findings(C, Checked.Report);
      if (!Checked.ExportFindings.empty() || !Settings.ExportFindings.empty())
        Analysis.exportFindings(Settings.ExportFindings.empty()
                                    ? Checked.ExportFindings
                                    : Settings.ExportFindings,
                                Findings);
      for (Finding &F : Findings) {
        // As clang-tidy: shown when it or any of its notes is in the main
        // file or a header the filter lets through.
        auto Passes = [&](const FileLocation &At) {
          return isShown(At, MainFile, Options);
        };
        if (!Passes(F.At) && llvm::none_of(F.Notes, [&](const Note &N) {
              return Passes(N.At);
            }))
          continue;
        if (isSilenced(F.At, Name, Sources)) {
          ++Silenced;
          continue;
        }
        Found.push_back({std::move(F), AsErrors.contains(Name)});
      }
    }
    // In the order of their places, as clang-tidy sorts a unit's.
    llvm::stable_sort(Found, [](const Reported &A, const Reported &B) {
      return A.F.At < B.F.At;
    });
    for (const Reported &S : Found) {
      const Finding &F = S.F;
      const llvm::StringRef Name = checkName(F.From);
      std::string BaselineState;
      if (Settings.Baseline) {
        unsigned &InBaseline = Baseline[identity(F)];
        BaselineState = InBaseline ? "unchanged" : "new";
        if (InBaseline) {
          // Exported, for a complete SARIF, but neither shown nor counted.
          --InBaseline;
          ++Unchanged;
          Exported.Diagnostics.push_back(
              {diagnosticOf(F, /*Error=*/false, Settings.BuildDirectory,
                            Sources),
               BaselineState});
          continue;
        }
      }
      printAt(OS, F.At, S.Error ? "error" : "warning", F.Message);
      OS << " [" << Name << (S.Error ? ",-warnings-as-errors" : "") << "]\n";
      printSnippet(OS, F.At, Sources);
      for (const Note &N : F.Notes) {
        printAt(OS, N.At, "note", N.Message);
        OS << "\n";
        printSnippet(OS, N.At, Sources);
      }
      Exported.Diagnostics.push_back(
          {diagnosticOf(F, S.Error, Settings.BuildDirectory, Sources),
           BaselineState});
      ++Shown;
      Errors += S.Error;
    }
  }
  if (!LeftOut.empty())
    llvm::errs() << "stateless-index: warning: no findings for "
                 << LeftOut.size()
                 << (LeftOut.size() == 1 ? " unit" : " units")
                 << " whose files changed since they were indexed: "
                 << llvm::join(LeftOut, ", ") << "\n";
  for (const std::string &Problem : Problems)
    llvm::errs() << "stateless-index: error: " << Problem
                 << " [clang-tidy-config]\n";
  llvm::errs() << "stateless-index: " << Shown
               << (Settings.Baseline ? " new" : "")
               << (Shown == 1 ? " finding" : " findings") << " in "
               << MainFiles.size() << (MainFiles.size() == 1 ? " unit" : " units");
  if (Settings.Baseline)
    llvm::errs() << " (" << Unchanged << " unchanged since the baseline)";
  if (Silenced)
    llvm::errs() << " (" << Silenced << " NOLINT)";
  llvm::errs() << "\n";
  int Status = Errors ? 1 : 0;
  if (!Settings.ExportFixes.empty()) {
    std::error_code EC;
    llvm::ToolOutputFile Out(Settings.ExportFixes, EC, llvm::sys::fs::OF_None);
    if (EC) {
      llvm::errs() << "stateless-index: error: cannot write '"
                   << Settings.ExportFixes << "': " << EC.message() << "\n";
      return 1;
    }
    llvm::yaml::Output YAML(Out.os());
    YAML << Exported;
    Out.keep();
  }
  if (Errors)
    llvm::errs() << "stateless-index: error: " << Errors
                 << (Errors == 1 ? " warning" : " warnings")
                 << " treated as errors\n";
  return Status;
}

} // namespace stateless

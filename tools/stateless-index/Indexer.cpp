//===--- Indexer.cpp - the facts of many units, in parallel ----------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Indexer.h"
#include "CodeFacts.h"
#include "Configuration.h"
#include "Inputs.h"
#include "Summary.h"
#include "TidyOptions.h"
#include "WriteFinder.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"
#include <mutex>
#include <thread>

using namespace clang;
using namespace clang::tooling;

namespace stateless {
namespace {

/// The handler options the checks would use for a file, from the
/// .clang-tidy files clang-tidy would read for it (Configuration.h).
class HandlerConfiguration {
public:
  HandlerConfiguration()
      : Provider(tidy::ClangTidyGlobalOptions(), tidy::ClangTidyOptions(),
                 tidy::ClangTidyOptions()) {}

  HandlerOptions forFile(llvm::StringRef File) {
    std::lock_guard<std::mutex> Guard(Lock); // the provider caches
    tidy::ClangTidyOptions Options = Provider.getOptions(File);
    std::vector<std::string> Problems;
    HandlerOptions Handlers = allHandlerOptions(
        [&](Check C, llvm::StringRef Name) {
          return checkOption(Options, C, Name, /*LocalOnly=*/false);
        },
        Problems);
    for (const std::string &Problem : Problems)
      if (Reported.insert(Problem).second)
        llvm::errs() << "stateless-index: warning: " << Problem << "\n";
    return Handlers;
  }

private:
  std::mutex Lock;
  tidy::FileOptionsProvider Provider;
  llvm::StringSet<> Reported;
};

/// One unit to summarise: with which options, and what came of it.
struct Job {
  HandlerOptions Options;
  std::string Command;
  std::optional<index::Unit> Out;
  bool WithErrors = false;
};

class SummaryConsumer : public ASTConsumer {
public:
  explicit SummaryConsumer(Job &Unit) : Unit(Unit) {}

  void HandleTranslationUnit(ASTContext &AST) override {
    const FrameworkTables Frameworks(Unit.Options);
    const CodeFacts Facts(AST, Frameworks);
    WriteFinders Finders(AST);
    Unit.Out = summarizeUnit(Facts, Finders, Unit.Command,
                             /*RecordInputs=*/true);
    Unit.WithErrors = AST.getDiagnostics().hasErrorOccurred();
  }

private:
  Job &Unit;
};

class SummaryAction : public ASTFrontendAction {
public:
  explicit SummaryAction(Job &Unit) : Unit(Unit) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<SummaryConsumer>(Unit);
  }

private:
  Job &Unit;
};

/// Runs the summary on a unit with its compile errors counted, not
/// printed: the checks report them when they analyse the unit.
class SummaryFactory : public FrontendActionFactory {
public:
  explicit SummaryFactory(Job &Unit) : Unit(Unit) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<SummaryAction>(Unit);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *) override {
    IgnoringDiagConsumer Quiet;
    return FrontendActionFactory::runInvocation(std::move(Invocation), Files,
                                                std::move(PCH), &Quiet);
  }

private:
  Job &Unit;
};

} // namespace

/// The deepest directory that holds both \p Directory and \p File (at least
/// one level below the file system's root), or none.
static llvm::StringRef sharedDirectory(llvm::StringRef Directory,
                                       llvm::StringRef File) {
  auto Holds = [&](llvm::StringRef Shared) {
    return File.starts_with(Shared) &&
           (File.size() == Shared.size() ||
            llvm::sys::path::is_separator(File[Shared.size()]));
  };
  llvm::StringRef Shared = Directory;
  while (!Shared.empty() && !Holds(Shared))
    Shared = llvm::sys::path::parent_path(Shared);
  if (Shared == llvm::sys::path::root_path(Shared))
    return {};
  return Shared;
}

std::string commandId(const CompileCommand &Command) {
  // The checkout the command builds in is left out, so that an index made
  // in one checkout is current in another at another path.
  const std::string File = index::absolutePath(
      llvm::sys::path::is_absolute(Command.Filename)
          ? Command.Filename
          : Command.Directory + "/" + Command.Filename);
  const llvm::StringRef Checkout = sharedDirectory(Command.Directory, File);
  auto Portable = [&](llvm::StringRef Text) {
    if (Checkout.empty())
      return Text.str();
    std::string Out;
    for (size_t At; (At = Text.find(Checkout)) != llvm::StringRef::npos;) {
      (Out += Text.take_front(At)) += '\1';
      Text = Text.drop_front(At + Checkout.size());
    }
    return Out += Text;
  };
  std::string Text = Portable(Command.Directory);
  for (const std::string &Arg : Command.CommandLine)
    (Text += '\0') += Portable(Arg);
  return llvm::utohexstr(llvm::xxHash64(Text));
}

Indexed indexUnits(const CompilationDatabase &Database,
                   const std::vector<std::string> &Files, unsigned Threads,
                   std::atomic<unsigned> &Done) {
  HandlerConfiguration Configuration;
  std::mutex Lock;
  Indexed Result;
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I = Next++; I < Files.size(); I = Next++) {
      const std::string &File = Files[I];
      std::vector<CompileCommand> Commands = Database.getCompileCommands(File);
      Job Unit;
      if (!Commands.empty()) {
        Unit.Options = Configuration.forFile(File);
        Unit.Command = commandId(Commands.front());
        SummaryFactory Factory(Unit);
        // A file system of its own: a unit's compile directory must not
        // become the whole process's working directory, which the other
        // threads and relative paths rely on.
        ClangTool Tool(Database, {File},
                       std::make_shared<PCHContainerOperations>(),
                       llvm::vfs::createPhysicalFileSystem());
        Tool.setPrintErrorMessage(false);
        Tool.run(&Factory);
      }
      std::lock_guard<std::mutex> Guard(Lock);
      if (Unit.Out)
        Result.Units.push_back(std::move(*Unit.Out));
      else
        Result.Failed.push_back(File);
      if (Unit.WithErrors)
        Result.WithErrors.push_back(File);
      ++Done;
    }
  };
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < std::max(1u, Threads); ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &T : Pool)
    T.join();
  llvm::sort(Result.Units, [](const index::Unit &A, const index::Unit &B) {
    return A.MainFile < B.MainFile;
  });
  llvm::sort(Result.Failed);
  llvm::sort(Result.WithErrors);
  return Result;
}

} // namespace stateless

//===--- StatelessClangdMain.cpp - clangd with the stateless-* checks ------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// clangd cannot load clang-tidy plugins, so this is the clangd of the LLVM it
// is built against with the stateless-* checks linked in. Point the editor's
// clangd path at it.
//
//===----------------------------------------------------------------------===//

#include "IndexKeeper.h"
#include "ResourceDir.h"
#include "Version.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

// Declared in clangd's tool/ClangdMain.h, which LLVM does not install.
namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

namespace {

constexpr llvm::StringLiteral AutoIndexOff = "--stateless-auto-index=false";

/// clangd serves an editor over stdio unless asked for something else.
bool servesEditor(llvm::ArrayRef<const char *> Args) {
  for (llvm::StringRef Arg : Args.drop_front()) {
    Arg = Arg.ltrim('-');
    if (Arg.starts_with("check") || Arg.starts_with("help") ||
        Arg == "version" || Arg.starts_with("input-style") ||
        Arg.starts_with("input-mirror-file") || Arg.starts_with("stateless-auto-index"))
      return false;
  }
  return true;
}

std::optional<std::string>
databaseDirectory(llvm::ArrayRef<const char *> Args) {
  for (size_t I = 1; I < Args.size(); ++I) {
    llvm::StringRef Arg = llvm::StringRef(Args[I]).ltrim('-');
    if (Arg.consume_front("compile-commands-dir")) {
      if (Arg.consume_front("="))
        return Arg.str();
      if (Arg.empty() && I + 1 < Args.size())
        return std::string(Args[I + 1]);
    }
  }
  return std::nullopt;
}

} // namespace

int main(int Argc, char **Argv) {
  // clangd replaces LLVM's version printer by one that prints no extra
  // lines: the checks' version goes first.
  for (llvm::StringRef Arg : llvm::ArrayRef<char *>(Argv + 1, Argv + Argc))
    if (Arg == "--version" || Arg == "-version")
      stateless::printVersion(llvm::outs());
  std::string Storage;
  std::vector<const char *> Args = stateless::withResourceDir(
      Argc, const_cast<const char **>(Argv), "--resource-dir=", Storage);
  const bool KeepIndex = servesEditor(Args);
  llvm::erase_if(Args, [](llvm::StringRef Arg) { return Arg == AutoIndexOff; });
  Args.push_back(nullptr);
  const auto Clangd = [&] {
    return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                     const_cast<char **>(Args.data()));
  };
#ifdef LLVM_ON_UNIX
  if (KeepIndex) {
    stateless::IndexKeeperOptions Options;
    std::string Self = llvm::sys::fs::getMainExecutable(
        Argv[0], reinterpret_cast<void *>(&main));
    llvm::SmallString<256> Tool(llvm::sys::path::parent_path(Self));
    llvm::sys::path::append(Tool, "stateless-index");
    if (llvm::sys::fs::can_execute(Tool))
      Options.IndexTool = std::string(Tool);
    Options.DatabaseDirectory = databaseDirectory(Args);
    return stateless::serveKeepingIndex(Clangd, std::move(Options));
  }
#endif
  return Clangd();
}

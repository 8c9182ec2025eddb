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

#include "ResourceDir.h"
#include "Version.h"

#include "llvm/ADT/ArrayRef.h"

// Declared in clangd's tool/ClangdMain.h, which LLVM does not install.
namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

int main(int Argc, char **Argv) {
  // clangd replaces LLVM's version printer by one that prints no extra
  // lines: the checks' version goes first.
  for (llvm::StringRef Arg : llvm::ArrayRef<char *>(Argv + 1, Argv + Argc))
    if (Arg == "--version" || Arg == "-version")
      stateless::printVersion(llvm::outs());
  std::string Storage;
  std::vector<const char *> Args = stateless::withResourceDir(
      Argc, const_cast<const char **>(Argv), "--resource-dir=", Storage);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   const_cast<char **>(Args.data()));
}

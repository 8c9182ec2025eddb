//===--- StatelessTidyMain.cpp - clang-tidy with the stateless-* checks ----===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The complete clang-tidy of the LLVM it is built against (every upstream
// check, the same flags and configuration files) with the stateless-* checks
// linked in, for places where plugins cannot be loaded.
//
//===----------------------------------------------------------------------===//

#include "ResourceDir.h"
#include "Version.h"

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/CommandLine.h"

int main(int Argc, const char **Argv) {
  llvm::cl::AddExtraVersionPrinter(stateless::printVersion);
  std::string Storage;
  std::vector<const char *> Args = stateless::withResourceDir(
      Argc, Argv, "--extra-arg-before=-resource-dir=", Storage);
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}

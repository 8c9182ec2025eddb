//===--- ResourceDir.h - point the standalone binaries at clang's headers --===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// clang looks for its built-in headers (stddef.h, ...) relative to the
// running binary. Ours are not installed next to clang, so unless the user
// chose a resource directory, they are given the one of the clang they were
// built against.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_TOOLS_RESOURCEDIR_H
#define STATELESS_TOOLS_RESOURCEDIR_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace stateless {

/// argv with \p Flag + STATELESS_CLANG_RESOURCE_DIR inserted after the program
/// name, unless an argument already sets a resource directory.
inline std::vector<const char *> withResourceDir(int Argc, const char **Argv,
                                                 llvm::StringRef Flag,
                                                 std::string &Storage) {
  std::vector<const char *> Args(Argv, Argv + Argc);
  for (llvm::StringRef Arg : Args)
    if (Arg.contains("-resource-dir"))
      return Args;
  Storage = Flag.str() + STATELESS_CLANG_RESOURCE_DIR;
  Args.insert(Args.begin() + 1, Storage.c_str());
  return Args;
}

} // namespace stateless

#endif

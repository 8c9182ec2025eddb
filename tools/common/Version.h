//===--- Version.h - stateless-tidy's own version next to LLVM's -----------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The artifacts are clang-tidy and clangd of one LLVM release with the checks
// of one stateless-tidy release; --version names both.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_TOOLS_VERSION_H
#define STATELESS_TOOLS_VERSION_H

#include "llvm/Support/raw_ostream.h"

namespace stateless {

/// The line --version prints for the checks (STATELESS_TIDY_VERSION comes
/// from project(VERSION) in CMakeLists.txt).
inline void printVersion(llvm::raw_ostream &OS) {
  OS << "stateless-tidy version " STATELESS_TIDY_VERSION "\n";
}

} // namespace stateless

#endif

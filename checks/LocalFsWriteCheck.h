//===--- LocalFsWriteCheck.h - stateless-local-fs-write --------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_CHECKS_LOCALFSWRITECHECK_H
#define STATELESS_CHECKS_LOCALFSWRITECHECK_H

#include "StatelessCheck.h"

namespace stateless {

/// Finds calls that create, modify, move or delete local files in code a
/// request handler reaches: the file stays on the one host.
class LocalFsWriteCheck : public StatelessCheck {
public:
  LocalFsWriteCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context)
      : StatelessCheck(Name, Context, Check::LocalFsWrite) {}
};

} // namespace stateless

#endif

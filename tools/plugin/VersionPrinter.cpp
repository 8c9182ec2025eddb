//===--- VersionPrinter.cpp - the checks' line in clang-tidy --version -----===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// `clang-tidy-NN --load=libStatelessTidy.so --version` names the version of
// the checks it loaded after LLVM's.
//
//===----------------------------------------------------------------------===//

#include "Version.h"

#include "llvm/Support/CommandLine.h"

namespace {

const bool VersionPrinterAdded =
    (llvm::cl::AddExtraVersionPrinter(stateless::printVersion), true);

} // namespace

//===--- VersionPrinter.cpp - the checks' line in clang-tidy --version -----===//
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

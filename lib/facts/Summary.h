//===--- Summary.h - the facts of a translation unit -----------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// Turns what CodeFacts read off a unit's AST into the unit's facts (Facts.h):
// declarations become USRs, source locations absolute file:line:column,
// references become the writes WriteFinder finds. Which functions serve
// requests is decided later, over the facts of the whole program, so every
// function walked is summarised. The unit being checked and every unit of
// the project index are summarised by this one function.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_FACTS_SUMMARY_H
#define STATELESS_FACTS_SUMMARY_H

#include "CodeFacts.h"
#include "Facts.h"
#include "WriteFinder.h"

#include "llvm/ADT/StringRef.h"

namespace stateless {

/// The facts of the unit \p Facts describes. \p Command identifies the
/// compile command it was built with; with \p RecordInputs, the files it
/// was built from are recorded (for the index), with their contents' hash.
index::Unit summarizeUnit(const CodeFacts &Facts, WriteFinders &Finders,
                          llvm::StringRef Command, bool RecordInputs);

/// The files the unit of \p SM was built from, absolute, as recorded.
std::vector<std::string> inputPaths(const clang::SourceManager &SM);

} // namespace stateless

#endif

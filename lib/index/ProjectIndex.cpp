//===--- ProjectIndex.cpp - the project index read from disk ---------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ProjectIndex.h"
#include "Format.h"
#include "Inputs.h"

#include "stateless/annotations.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <mutex>

namespace stateless {

ProjectIndex::ProjectIndex(index::Index Loaded, std::vector<std::string> Left)
    : Data(std::move(Loaded)), Table(Data), LeftOut(std::move(Left)) {}

std::vector<std::string> ProjectIndex::missingFiles() const {
  llvm::StringSet<> Seen;
  std::vector<std::string> Missing;
  for (const index::Unit &U : Data.Units)
    for (const index::InputFile &F : U.Inputs)
      if (Seen.insert(F.Path).second && !llvm::sys::fs::exists(F.Path))
        Missing.push_back(F.Path);
  return Missing;
}

llvm::BitVector ProjectIndex::staleUnits() const {
  // Each file is looked at once, however many units include it.
  llvm::StringMap<bool> Current;
  llvm::BitVector Stale(Data.Units.size());
  for (unsigned U = 0; U < Data.Units.size(); ++U)
    for (const index::InputFile &F : Data.Units[U].Inputs) {
      auto [It, Inserted] = Current.try_emplace(F.Path);
      if (Inserted)
        It->second = index::isCurrent(F);
      if (!It->second) {
        Stale.set(U);
        break;
      }
    }
  return Stale;
}

llvm::Expected<std::shared_ptr<const ProjectIndex>>
ProjectIndex::get(llvm::StringRef Path) {
  struct Loaded {
    index::InputFile Version;
    std::shared_ptr<const ProjectIndex> Index;
  };
  // clangd analyses several units at once on different threads. Never
  // destroyed: a worker may still be analysing while the process exits.
  static std::mutex &Lock = *new std::mutex;
  STATELESS_ALLOW(cache, "indexes read from disk, read again when they change")
  static llvm::StringMap<Loaded> &Cache = *new llvm::StringMap<Loaded>;

  std::optional<index::InputFile> Version = index::statInput(Path);
  if (!Version)
    return llvm::createStringError(
        std::make_error_code(std::errc::no_such_file_or_directory),
        "cannot read '%s': no such file", Path.str().c_str());
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Cache.find(Path);
    if (It != Cache.end() && It->second.Version == *Version)
      return It->second.Index;
  }
  llvm::Expected<index::ReadResult> Read = index::readFile(Path);
  if (!Read)
    return Read.takeError();
  auto Fresh = std::make_shared<const ProjectIndex>(std::move(Read->Read),
                                                    std::move(Read->LeftOut));
  std::vector<std::string> Missing = Fresh->missingFiles();
  if (!Missing.empty())
    return llvm::createStringError(
        std::make_error_code(std::errc::no_such_file_or_directory),
        "files it names no longer exist, such as '%s'",
        Missing.front().c_str());
  std::lock_guard<std::mutex> Guard(Lock);
  Cache[Path] = {*Version, Fresh};
  return Fresh;
}

std::optional<std::string> ProjectIndex::find(llvm::StringRef Directory) {
  llvm::SmallString<256> Dir(Directory);
  if (llvm::sys::fs::make_absolute(Dir))
    return std::nullopt;
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  for (llvm::StringRef Current = Dir; !Current.empty();
       Current = llvm::sys::path::parent_path(Current))
    for (llvm::StringRef Sub : {"", "build"}) {
      llvm::SmallString<256> Candidate(Current);
      llvm::sys::path::append(Candidate, Sub, FileName);
      if (llvm::sys::fs::is_regular_file(Candidate))
        return std::string(Candidate);
    }
  return std::nullopt;
}

} // namespace stateless

//===--- ProjectIndex.cpp - the project index read from disk ---------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "ProjectIndex.h"
#include "Inputs.h"

#include "stateless/annotations.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <mutex>

namespace stateless {

ProjectIndex::ProjectIndex(std::unique_ptr<llvm::MemoryBuffer> Buffer,
                           std::unique_ptr<index::StoredIndex> Stored)
    : Buffer(std::move(Buffer)), Stored(std::move(Stored)),
      Table(*this->Stored) {}

std::vector<const index::InputFile *>
ProjectIndex::inputFiles(unsigned U) const {
  std::vector<const index::InputFile *> Files;
  for (unsigned Position : Stored->inputsOf(U))
    Files.push_back(&Stored->file(Position));
  return Files;
}

bool ProjectIndex::isStale(unsigned U, FilesSeen &Seen) const {
  if (!unit(U))
    return true;
  Seen.Current.resize(Stored->files());
  return llvm::any_of(Stored->inputsOf(U), [&](unsigned Position) {
    int8_t &Known = Seen.Current[Position];
    if (Known == 0)
      Known = index::isCurrent(Stored->file(Position)) ? 1 : -1;
    return Known < 0;
  });
}

llvm::Expected<std::shared_ptr<const ProjectIndex>>
ProjectIndex::over(std::unique_ptr<llvm::MemoryBuffer> Buffer,
                   llvm::StringRef Directory) {
  llvm::Expected<std::unique_ptr<index::StoredIndex>> Stored =
      index::StoredIndex::open(Buffer->getBuffer(), Directory);
  if (!Stored)
    return Stored.takeError();
  return std::shared_ptr<const ProjectIndex>(
      new ProjectIndex(std::move(Buffer), std::move(*Stored)));
}

llvm::Expected<std::shared_ptr<const ProjectIndex>>
ProjectIndex::fromBytes(llvm::StringRef Bytes, llvm::StringRef Directory) {
  return over(llvm::MemoryBuffer::getMemBufferCopy(Bytes), Directory);
}

llvm::Expected<std::shared_ptr<const ProjectIndex>>
ProjectIndex::open(llvm::StringRef Path, llvm::StringRef ReadAs) {
  llvm::Expected<index::IndexFile> File = index::loadFile(Path, ReadAs);
  if (!File)
    return File.takeError();
  return over(std::move(File->Bytes), File->Directory);
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
  llvm::Expected<std::shared_ptr<const ProjectIndex>> Fresh = open(Path);
  if (!Fresh)
    return Fresh.takeError();
  std::lock_guard<std::mutex> Guard(Lock);
  Cache[Path] = {*Version, *Fresh};
  return *Fresh;
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

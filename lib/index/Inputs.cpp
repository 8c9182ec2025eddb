//===--- Inputs.cpp - whether the files a unit was built from changed ------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Inputs.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace stateless {
namespace index {
namespace {

std::optional<uint64_t> contentHash(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Contents =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!Contents)
    return std::nullopt;
  return llvm::xxHash64((*Contents)->getBuffer());
}

} // namespace

std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Full(Path);
  if (llvm::sys::fs::make_absolute(Full))
    return Path.str();
  llvm::sys::path::remove_dots(Full, /*remove_dot_dot=*/true);
  return std::string(Full);
}

std::optional<InputFile> statInput(llvm::StringRef Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status) || !llvm::sys::fs::exists(Status))
    return std::nullopt;
  InputFile F;
  F.Path = Path.str();
  F.ModificationTime = std::chrono::duration_cast<std::chrono::nanoseconds>(
                           Status.getLastModificationTime().time_since_epoch())
                           .count();
  F.Size = Status.getSize();
  return F;
}

std::optional<InputFile> readInput(llvm::StringRef Path) {
  std::optional<InputFile> F = statInput(Path);
  std::optional<uint64_t> Hash = F ? contentHash(Path) : std::nullopt;
  if (!Hash)
    return std::nullopt;
  F->Hash = *Hash;
  return F;
}

bool isCurrent(const InputFile &Recorded) {
  std::optional<InputFile> Now = statInput(Recorded.Path);
  if (!Now || Now->Size != Recorded.Size)
    return false;
  return Now->ModificationTime == Recorded.ModificationTime ||
         contentHash(Recorded.Path) == Recorded.Hash;
}

LocalFiles adoptLocalFiles(Index &I) {
  LocalFiles Found;
  llvm::StringMap<std::optional<InputFile>> Here; // read once each
  std::vector<Unit> Kept;
  for (Unit &U : I.Units) {
    bool Missing = false, Changed = false;
    for (InputFile &F : U.Inputs) {
      auto [It, First] = Here.try_emplace(F.Path);
      if (First)
        It->second = readInput(F.Path);
      if (!It->second) {
        Missing = true;
        if (Found.Example.empty())
          Found.Example = F.Path;
      } else if (It->second->Size == F.Size && It->second->Hash == F.Hash) {
        F.ModificationTime = It->second->ModificationTime;
      } else {
        Changed = true;
      }
    }
    if (Missing) {
      ++Found.Missing;
      continue;
    }
    Found.Changed += Changed;
    Kept.push_back(std::move(U));
  }
  I.Units = std::move(Kept);
  return Found;
}

} // namespace index
} // namespace stateless

//===--- Inputs.cpp - whether the files a unit was built from changed ------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Inputs.h"

#include "stateless/annotations.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <mutex>

namespace stateless {
namespace index {
namespace {

std::unique_ptr<llvm::MemoryBuffer> contents(llvm::StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Read =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  return Read ? std::move(*Read) : nullptr;
}

/// The end of the raw string literal whose `"` is at \p Quote, when the
/// characters before it make one (R, LR, u8R, uR, UR); else none.
std::optional<size_t> rawStringEnd(llvm::StringRef Text, size_t Quote) {
  if (Quote == 0 || Text[Quote - 1] != 'R')
    return std::nullopt;
  size_t Prefix = Quote - 1;
  while (Prefix > 0 && llvm::is_contained(llvm::StringRef("uU8L"), Text[Prefix - 1]))
    --Prefix;
  if (Prefix > 0 && (llvm::isAlnum(Text[Prefix - 1]) || Text[Prefix - 1] == '_'))
    return std::nullopt; // the end of an identifier, such as `FOR"`
  const size_t Open = Text.find('(', Quote);
  if (Open == llvm::StringRef::npos)
    return std::nullopt;
  const std::string Close =
      (")" + Text.slice(Quote + 1, Open) + "\"").str();
  const size_t End = Text.find(Close, Open);
  return End == llvm::StringRef::npos ? Text.size() : End + Close.size();
}

} // namespace

uint64_t codeHash(llvm::StringRef Text) {
  // Each run of code is hashed with the line and column it starts at.
  std::string Code;
  unsigned Line = 1, Column = 1;
  bool InRun = false;
  auto Advance = [&](char C) {
    if (C == '\n') {
      ++Line;
      Column = 1;
    } else {
      ++Column;
    }
  };
  auto Keep = [&](char C) {
    if (!InRun)
      Code += "\n" + std::to_string(Line) + ":" + std::to_string(Column) + ":";
    InRun = true;
    Code += C;
    Advance(C);
  };
  for (size_t I = 0; I < Text.size();) {
    const char C = Text[I];
    const llvm::StringRef Rest = Text.drop_front(I);
    if (Rest.starts_with("//")) {
      // To the end of the line, which a backslash before it continues.
      size_t End = I;
      while (End < Text.size() &&
             (Text[End] != '\n' || Text[End - 1] == '\\'))
        ++End;
      for (; I < End; ++I)
        Advance(Text[I]);
      InRun = false;
    } else if (Rest.starts_with("/*")) {
      const size_t Close = Text.find("*/", I + 2);
      const size_t End = Close == llvm::StringRef::npos ? Text.size() : Close + 2;
      for (; I < End; ++I)
        Advance(Text[I]);
      InRun = false;
    } else if (C == '"' || C == '\'') {
      // A literal is code, whitespace and all, up to its closing quote.
      size_t End = I + 1;
      if (std::optional<size_t> Raw = C == '"' ? rawStringEnd(Text, I)
                                               : std::nullopt)
        End = *Raw;
      else
        while (End < Text.size() && Text[End] != C && Text[End] != '\n')
          End += Text[End] == '\\' ? 2 : 1;
      End = std::min(End + (End < Text.size() && Text[End] == C), Text.size());
      for (; I < End; ++I)
        Keep(Text[I]);
    } else if (llvm::isSpace(C)) {
      Advance(C);
      InRun = false;
      ++I;
    } else {
      Keep(C);
      ++I;
    }
  }
  return llvm::xxHash64(Code);
}

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
  if (!F)
    return std::nullopt;
  // A process indexes many units that include the same headers: each
  // version of a file is read and hashed once.
  static std::mutex &Lock = *new std::mutex;
  STATELESS_ALLOW(cache, "the hashes of the files this process read")
  static llvm::StringMap<InputFile> &Read = *new llvm::StringMap<InputFile>;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Read.find(Path);
    if (It != Read.end() &&
        It->second.ModificationTime == F->ModificationTime &&
        It->second.Size == F->Size)
      return It->second;
  }
  std::unique_ptr<llvm::MemoryBuffer> Contents = contents(Path);
  if (!Contents)
    return std::nullopt;
  F->Hash = llvm::xxHash64(Contents->getBuffer());
  F->CodeHash = codeHash(Contents->getBuffer());
  std::lock_guard<std::mutex> Guard(Lock);
  return Read[Path] = *F;
}

Freshness freshness(const InputFile &Recorded) {
  std::optional<InputFile> Now = statInput(Recorded.Path);
  if (!Now)
    return Freshness::Changed;
  if (Now->Size == Recorded.Size &&
      Now->ModificationTime == Recorded.ModificationTime)
    return Freshness::Same;
  std::unique_ptr<llvm::MemoryBuffer> Contents = contents(Recorded.Path);
  if (!Contents)
    return Freshness::Changed;
  if (Now->Size == Recorded.Size &&
      llvm::xxHash64(Contents->getBuffer()) == Recorded.Hash)
    return Freshness::Same;
  if (Recorded.CodeHash && codeHash(Contents->getBuffer()) == Recorded.CodeHash)
    return Freshness::SameCode;
  return Freshness::Changed;
}

bool isCurrent(const InputFile &Recorded) {
  return freshness(Recorded) != Freshness::Changed;
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
      } else if (F.CodeHash && It->second->CodeHash == F.CodeHash) {
        F = *It->second; // other comments or whitespace: the facts hold
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

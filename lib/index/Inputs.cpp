//===--- Inputs.cpp - whether the files a unit was built from changed ------===//

#include "Inputs.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
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

} // namespace index
} // namespace stateless

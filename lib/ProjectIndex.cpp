//===--- ProjectIndex.cpp - the facts of the whole project -----------------===//

#include "ProjectIndex.h"

#include "stateless/annotations.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <mutex>

namespace stateless {

ProjectIndex::ProjectIndex(index::Index Loaded) : Data(std::move(Loaded)) {
  for (unsigned U = 0; U < Data.Units.size(); ++U) {
    const index::Unit &Unit = Data.Units[U];
    UnitsByMainFile[Unit.MainFile] = U;
    for (const index::Function &F : Unit.Functions) {
      Definitions[F.USR].push_back({U, &F});
      for (const std::string &Overridden : F.Overrides)
        Overriders[Overridden].push_back({U, &F});
      for (const std::vector<index::Write> *List :
           {&F.GlobalWrites, &F.MemberWrites})
        for (const index::Write &W : *List)
          Writes[W.Target].push_back({U, &F, &W});
      for (const index::Write &W : F.PointeeWrites)
        WritesThrough[W.Target].push_back({U, &F, &W});
      for (const index::HandOn &H : F.HandOns)
        HandOns[H.Member].push_back({U, &H});
    }
    for (const index::Root &R : Unit.Roots)
      Roots.push_back({U, &R});
    for (const index::Class &C : Unit.Classes)
      Classes[C.USR].push_back({U, &C});
    for (const index::Variable &V : Unit.Variables)
      Variables[V.USR].push_back({U, &V});
  }
}

template <typename Map>
static auto lookup(const Map &M, llvm::StringRef Key)
    -> llvm::ArrayRef<typename Map::mapped_type::value_type> {
  auto It = M.find(Key);
  if (It == M.end())
    return {};
  return It->second;
}

llvm::ArrayRef<InUnit<index::Function>>
ProjectIndex::definitions(llvm::StringRef USR) const {
  return lookup(Definitions, USR);
}
llvm::ArrayRef<InUnit<index::Function>>
ProjectIndex::overriders(llvm::StringRef USR) const {
  return lookup(Overriders, USR);
}
llvm::ArrayRef<IndexedWrite> ProjectIndex::writesTo(llvm::StringRef USR) const {
  return lookup(Writes, USR);
}
llvm::ArrayRef<IndexedWrite>
ProjectIndex::writesThrough(llvm::StringRef USR) const {
  return lookup(WritesThrough, USR);
}
llvm::ArrayRef<InUnit<index::HandOn>>
ProjectIndex::handOnsOf(llvm::StringRef USR) const {
  return lookup(HandOns, USR);
}
llvm::ArrayRef<InUnit<index::Class>>
ProjectIndex::classes(llvm::StringRef USR) const {
  return lookup(Classes, USR);
}
llvm::ArrayRef<InUnit<index::Variable>>
ProjectIndex::variables(llvm::StringRef USR) const {
  return lookup(Variables, USR);
}

std::optional<unsigned> ProjectIndex::unitOf(llvm::StringRef MainFile) const {
  auto It = UnitsByMainFile.find(MainFile);
  if (It == UnitsByMainFile.end())
    return std::nullopt;
  return It->second;
}

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
  llvm::Expected<index::Index> Read = index::readFile(Path);
  if (!Read)
    return Read.takeError();
  auto Fresh = std::make_shared<const ProjectIndex>(std::move(*Read));
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

ProjectView::ProjectView(std::shared_ptr<const ProjectIndex> Loaded,
                         llvm::StringRef LiveMainFile)
    : Index(std::move(Loaded)), LiveMainFile(LiveMainFile.str()),
      Live(Index->unitOf(LiveMainFile).value_or(~0u)),
      Stale(Index->staleUnits()) {
  if (Live < Stale.size())
    Stale.reset(Live); // its own entry is not used either way
  StaleCount = Stale.count();
  for (const InUnit<index::Root> &R : Index->roots())
    if (counts(R))
      Roots.push_back(R.Entry);
}

const index::Function *ProjectView::definition(llvm::StringRef USR) const {
  for (const InUnit<index::Function> &F : Index->definitions(USR))
    if (counts(F))
      return F.Entry;
  return nullptr;
}

llvm::SmallVector<const index::Function *, 2>
ProjectView::overriders(llvm::StringRef USR) const {
  return countedEntries(Index->overriders(USR));
}

llvm::SmallVector<IndexedWrite, 2>
ProjectView::writesTo(llvm::StringRef USR) const {
  return counted(Index->writesTo(USR));
}

llvm::SmallVector<IndexedWrite, 2>
ProjectView::writesThrough(llvm::StringRef USR) const {
  return counted(Index->writesThrough(USR));
}

llvm::SmallVector<const index::HandOn *, 2>
ProjectView::handOnsOf(llvm::StringRef USR) const {
  return countedEntries(Index->handOnsOf(USR));
}

const index::Class *ProjectView::classInfo(llvm::StringRef USR) const {
  for (const InUnit<index::Class> &C : Index->classes(USR))
    if (counts(C))
      return C.Entry;
  return nullptr;
}

template <typename T, typename Claims>
bool ProjectView::liveComesFirst(llvm::ArrayRef<InUnit<T>> Known,
                                 bool LiveClaims, Claims Claimed) const {
  bool OthersClaim = false;
  for (const InUnit<T> &K : Known)
    OthersClaim |= counts(K) && Claimed(K);
  if (OthersClaim && !LiveClaims)
    return false;
  if (LiveClaims && !OthersClaim)
    return true;
  // Among the claimants, or among all when nobody claims it.
  for (const InUnit<T> &K : Known)
    if (counts(K) && (!OthersClaim || Claimed(K)) &&
        Index->data().Units[K.Unit].MainFile < LiveMainFile)
      return false;
  return true;
}

bool ProjectView::liveOwnsVariable(llvm::StringRef USR, bool LiveClaims) const {
  return liveComesFirst(Index->variables(USR), LiveClaims,
                        [](const InUnit<index::Variable> &V) {
                          return V.Entry->Defined;
                        });
}

bool ProjectView::liveOwnsClass(llvm::StringRef USR, bool LiveClaims) const {
  return liveComesFirst(Index->classes(USR), LiveClaims,
                        [](const InUnit<index::Class> &C) {
                          return C.Entry->Implemented;
                        });
}

bool ProjectView::liveOwnsFunction(llvm::StringRef USR, bool LiveClaims) const {
  return liveComesFirst(Index->definitions(USR), LiveClaims,
                        [&](const InUnit<index::Function> &F) {
                          return F.Entry->Loc.File ==
                                 Index->data().Units[F.Unit].MainFile;
                        });
}

} // namespace stateless

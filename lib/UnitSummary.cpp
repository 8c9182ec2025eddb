//===--- UnitSummary.cpp - one unit's facts as the project index keeps them ===//

#include "UnitSummary.h"
#include "HandlerModel.h"
#include "Frameworks.h"
#include "KnownTypes.h"
#include "SharedObjects.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/FileManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include <deque>
#include <map>

using namespace clang;

namespace stateless {
namespace {

std::string absolutePath(llvm::StringRef Name, const SourceManager &SM) {
  llvm::SmallString<256> Path(Name);
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

/// The name of the file a source-manager entry holds (LLVM 16 keys them by
/// FileEntry pointer, later versions by FileEntryRef).
[[maybe_unused]] llvm::StringRef nameOf(FileEntryRef File) {
  return File.getName();
}
template <typename Entry> llvm::StringRef nameOf(const Entry *File) {
  return File->getName();
}

class Summarizer {
public:
  Summarizer(CodeFacts &Facts, WriteFinders &Finders)
      : Facts(Facts), Finders(Finders),
        SM(Facts.context().getSourceManager()), Usrs(SM) {}

  index::Unit run(llvm::StringRef Command) {
    index::Unit U;
    U.MainFile = mainFilePath(SM);
    U.Command = Command.str();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
      if (std::optional<index::InputFile> F =
              index::readInput(absolutePath(nameOf(It->first), SM)))
        U.Inputs.push_back(std::move(*F));
    llvm::sort(U.Inputs, [](const index::InputFile &A,
                            const index::InputFile &B) { return A.Path < B.Path; });

    const std::vector<const FunctionDecl *> Functions = walkEverything();
    {
      NarrowedTraversalScope Scope(Facts.context(), Functions);
      for (const FunctionDecl *F : Functions)
        if (!Usrs.of(F).empty())
          U.Functions.push_back(summarize(*F));
    }
    summarizeRoots(U);
    for (const VarDecl *Var : Facts.definedVariables())
      noteVariable(*Var);
    for (auto &Entry : Variables)
      U.Variables.push_back(std::move(Entry.second));
    for (auto &Entry : Classes)
      U.Classes.push_back(std::move(Entry.second));
    return U;
  }

private:
  /// Every function of the main file and everything they reach in the unit:
  /// which of them serve requests depends on the other units.
  std::vector<const FunctionDecl *> walkEverything() {
    std::deque<const FunctionDecl *> Queue(Facts.mainFileFunctions().begin(),
                                           Facts.mainFileFunctions().end());
    llvm::DenseSet<const FunctionDecl *> Seen(Queue.begin(), Queue.end());
    while (!Queue.empty()) {
      const FunctionDecl *F = Queue.front();
      Queue.pop_front();
      if (const FunctionFacts *Known = Facts.factsOf(F))
        for (const CallEdge &Edge : Known->Callees)
          if (Seen.insert(Edge.Callee).second)
            Queue.push_back(Edge.Callee);
    }
    return Facts.walkedFunctions();
  }

  index::Function summarize(const FunctionDecl &F) {
    index::Function Out;
    Out.USR = Usrs.of(&F).str();
    Out.Name = functionName(F);
    Out.Loc = toFileLocation(F.getLocation(), SM);
    Out.IsLambda = isLambdaOperator(&F);
    Out.IsStructor = isa<CXXConstructorDecl, CXXDestructorDecl>(F);
    if (const CXXRecordDecl *This = Facts.thisClassOf(&F))
      Out.ThisClass = noteClass(*This);
    const FunctionFacts &Known = *Facts.factsOf(&F);
    for (const std::vector<CallEdge> *Edges :
         {&Known.Callees, &Known.ExternalCallees})
      for (const CallEdge &Edge : *Edges)
        if (!Usrs.of(Edge.Callee).empty())
          Out.Calls.push_back({Usrs.of(Edge.Callee).str(), calleeName(Edge),
                               callKind(Edge),
                               toFileLocation(Edge.Site->getExprLoc(), SM)});
    if (const auto *Method = dyn_cast<CXXMethodDecl>(&F))
      for (const CXXMethodDecl *Overridden : Method->overridden_methods())
        if (!Usrs.of(Overridden).empty())
          Out.Overrides.push_back(Usrs.of(Overridden).str());
    for (const Creation &Created : Known.Creates) {
      if (!Usrs.of(Created.Class).empty())
        Out.Creates.push_back(Usrs.of(Created.Class).str());
      summarizeHandOns(Created, Out);
    }
    if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(&F);
        Constructor && !Facts.isLibraryCode(F))
      for (auto [Index, Field] : borrowedMembers(*Constructor))
        if (!Usrs.of(Field).empty())
          Out.Keeps.push_back({Index, Usrs.of(Field).str()});
    for (const GlobalReference &R : Known.GlobalRefs)
      if (const Stmt *Site = Finders.forRoot(*R.Root).findWrite(*R.Ref))
        if (llvm::StringRef USR = noteVariable(*R.Var); !USR.empty())
          Out.GlobalWrites.push_back(
              {USR.str(), toFileLocation(Site->getBeginLoc(), SM)});
    for (const MemberReference &R : Known.MemberRefs) {
      if (Usrs.of(R.Field).empty())
        continue;
      WriteFinder &Finder = Finders.forRoot(*R.Root);
      if (const Stmt *Site = Finder.findWrite(*R.Ref, memberStatePart(*R.Field)))
        Out.MemberWrites.push_back(
            {Usrs.of(R.Field).str(), toFileLocation(Site->getBeginLoc(), SM)});
      // Whether the member borrows its object may show in another unit.
      if (std::optional<WriteFinder::Part> Through = pointeePart(*R.Field))
        if (const Stmt *Site = Finder.findWrite(*R.Ref, *Through))
          Out.PointeeWrites.push_back({Usrs.of(R.Field).str(),
                                       toFileLocation(Site->getBeginLoc(), SM)});
    }
    for (const EffectSite &E : Known.Effects)
      Out.Effects.push_back({E.What.Kind, E.What.Api, E.What.Action,
                             toFileLocation(E.Site->getExprLoc(), SM)});
    return Out;
  }

  /// The members of `this` that \p Created passes to its constructor.
  void summarizeHandOns(const Creation &Created, index::Function &Out) {
    if (!Created.Constructor || Facts.isLibraryCode(*Created.Constructor) ||
        Usrs.of(Created.Constructor).empty())
      return;
    for (unsigned Index = 0; Index < Created.Args.size(); ++Index)
      if (const FieldDecl *Field = handedOnMember(*Created.Args[Index]))
        if (!Usrs.of(Field).empty())
          Out.HandOns.push_back({Usrs.of(Created.Constructor).str(), Index,
                                 Usrs.of(Field).str()});
  }

  void summarizeRoots(index::Unit &U) {
    auto Add = [&](index::RootKind Kind, const FunctionDecl *F,
                   SourceLocation Site) -> index::Root * {
      if (Usrs.of(F).empty())
        return nullptr;
      index::Root R;
      R.Kind = Kind;
      R.Function = Usrs.of(F).str();
      R.FunctionName = functionName(*F);
      R.Site = toFileLocation(Site, SM);
      U.Roots.push_back(std::move(R));
      return &U.Roots.back();
    };
    for (const HandlerRoot &Root : Facts.handlerRoots()) {
      SourceLocation Site = Root.Function->getLocation();
      if (const auto *E = dyn_cast_or_null<Expr>(Root.Site))
        Site = E->getExprLoc();
      if (index::Root *R = Add(index::RootKind::Handler, Root.Function, Site)) {
        R->Why = index::HandlerReason(Root.Why);
        R->Via = Root.Via;
      }
    }
    for (const CallEdge &Thread : Facts.threadRoots())
      Add(index::RootKind::Thread, Thread.Callee, Thread.Site->getExprLoc());
    for (const FunctionDecl *StartUp : Facts.startUpRoots())
      Add(index::RootKind::StartUp, StartUp, StartUp->getLocation());
  }

  /// Records \p Var among the unit's variables; returns its USR.
  llvm::StringRef noteVariable(const VarDecl &Var) {
    const VarDecl *Canonical = Var.getCanonicalDecl();
    llvm::StringRef USR = Usrs.of(Canonical);
    if (USR.empty() || Variables.count(USR.str()))
      return USR;
    index::Variable &V = Variables[USR.str()];
    V.USR = USR.str();
    V.Name = Var.isStaticLocal() ? Var.getNameAsString() : qualifiedName(Var);
    const VarDecl *Definition = Var.getDefinition();
    V.Defined = Definition && SM.isInMainFile(SM.getExpansionLoc(
                                  Definition->getLocation()));
    V.Loc = toFileLocation((V.Defined ? Definition : Canonical)->getLocation(),
                           SM);
    return USR;
  }

  /// Records \p Class among the unit's classes; returns its USR.
  std::string noteClass(const CXXRecordDecl &Class) {
    const std::string USR = Usrs.of(Class.getCanonicalDecl()).str();
    if (USR.empty() || Classes.count(USR))
      return USR;
    index::Class C;
    C.USR = USR;
    C.Name = qualifiedName(Class);
    C.Implemented = Facts.implementsClass(&Class);
    C.PerRequest = FrameworkTables::isPerRequestClass(Class);
    if (const CXXRecordDecl *Definition = Class.getDefinition())
      if (!Definition->isDependentContext())
        Definition->forallBases([&](const CXXRecordDecl *Base) {
          if (!Usrs.of(Base->getCanonicalDecl()).empty())
            C.Bases.push_back(Usrs.of(Base->getCanonicalDecl()).str());
          return true;
        });
    Classes[USR] = std::move(C);
    return USR;
  }

  CodeFacts &Facts;
  WriteFinders &Finders;
  const SourceManager &SM;
  UsrCache Usrs;
  std::map<std::string, index::Variable> Variables;
  std::map<std::string, index::Class> Classes;
};

} // namespace

llvm::StringRef UsrCache::of(const Decl *D) {
  auto [It, Inserted] = Known.try_emplace(D);
  if (!Inserted || !D)
    return It->second;
  if (isLambdaOperator(D)) {
    // Lambdas have no name of their own: where they are written is the same
    // in every unit that includes them.
    FileLocation Where = toFileLocation(
        cast<CXXMethodDecl>(D)->getParent()->getLocation(), SM);
    if (Where.isValid())
      It->second = Saver.save("lambda@" + Where.File + ":" +
                              llvm::Twine(Where.Line) + ":" +
                              llvm::Twine(Where.Column));
    return It->second;
  }
  llvm::SmallString<128> Buffer;
  if (!clang::index::generateUSRForDecl(D, Buffer))
    It->second = Saver.save(Buffer.str());
  return It->second;
}

std::string mainFilePath(const SourceManager &SM) {
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  return Main ? absolutePath(Main->getName(), SM) : "";
}

FileLocation toFileLocation(SourceLocation Loc, const SourceManager &SM) {
  FileLocation Out;
  if (Loc.isInvalid())
    return Out;
  Loc = SM.getFileLoc(Loc);
  OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(Loc));
  if (!File)
    return Out;
  Out.File = absolutePath(File->getName(), SM);
  Out.Line = SM.getSpellingLineNumber(Loc);
  Out.Column = SM.getSpellingColumnNumber(Loc);
  return Out;
}

index::Unit summarizeUnit(CodeFacts &Facts, WriteFinders &Finders,
                         llvm::StringRef Command) {
  return Summarizer(Facts, Finders).run(Command);
}

} // namespace stateless

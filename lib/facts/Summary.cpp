//===--- Summary.cpp - the facts of a translation unit ---------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Summary.h"
#include "Annotations.h"
#include "Borrowing.h"
#include "Frameworks.h"
#include "Inputs.h"
#include "KnownTypes.h"
#include "Usr.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/FileManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Path.h"
#include <map>

using namespace clang;

namespace stateless {
namespace {

// Containers of containers rarely nest deeper.
constexpr unsigned MaxNesting = 4;

bool isInMainFile(const Decl &D, const SourceManager &SM) {
  return SM.isInMainFile(SM.getExpansionLoc(D.getLocation()));
}

CallKind callKind(const CallEdge &Edge) {
  if (isa<LambdaExpr>(Edge.Site))
    return CallKind::Lambda;
  if (isa<CXXConstructExpr>(Edge.Site) || isa<CXXConstructorDecl>(Edge.Callee))
    return CallKind::Construct;
  if (isa<DeclRefExpr>(Edge.Site))
    return CallKind::PassedOn;
  return CallKind::Call;
}

std::string calleeName(const CallEdge &Edge) {
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(Edge.Callee))
    return qualifiedName(*Constructor->getParent());
  return functionName(*Edge.Callee);
}

/// A function whose result gives mutable access to what it returns.
bool returnsMutableAccess(const FunctionDecl &F) {
  QualType T = F.getReturnType();
  return (T->isLValueReferenceType() || T->isPointerType()) &&
         !T->getPointeeType().isConstQualified();
}

/// The instantiations of a template share their pattern's declaration: a
/// static data member of a class template, a variable template, a static
/// local of a function template.
bool isInstantiated(const VarDecl &Var) {
  if (Var.getTemplateInstantiationPattern())
    return true;
  const auto *F = dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod());
  return F && F->getTemplateInstantiationPattern();
}

/// LLVM 16 keys the source manager's files by FileEntry pointer, later
/// versions by FileEntryRef.
[[maybe_unused]] llvm::StringRef nameOf(FileEntryRef File) {
  return File.getName();
}
template <typename Entry> llvm::StringRef nameOf(const Entry *File) {
  return File->getName();
}

class Summarizer {
public:
  Summarizer(const CodeFacts &Facts, WriteFinders &Finders)
      : Facts(Facts), Finders(Finders), Context(Facts.context()),
        SM(Context.getSourceManager()), Where(SM), Usrs(Where),
        Policy(Context.getLangOpts()) {}

  index::Unit run(llvm::StringRef Command, bool RecordInputs) {
    index::Unit U;
    U.MainFile = mainFilePath(SM);
    U.Command = Command.str();
    if (RecordInputs)
      recordInputs(U);
    {
      NarrowedTraversalScope Scope(Context, Facts.functions());
      for (const FunctionDecl *F : Facts.functions())
        if (!Usrs.of(F).empty())
          U.Functions.push_back(summarize(*F));
    }
    summarizeRoots(U);
    for (const StoredCallableSite &S : Facts.storedCallables()) {
      std::string Table = tableKey(*S.Into.Table);
      FileLocation Site = Where.of(S.Into.Site->getExprLoc());
      if (S.FromTable) {
        std::string From = tableKey(*S.FromTable);
        if (!Table.empty() && !From.empty())
          U.StoredCallables.push_back(
              {std::move(Table), "", "", Site, std::move(From)});
      } else if (!Table.empty() && !Usrs.of(S.Function).empty()) {
        U.StoredCallables.push_back({std::move(Table), usr(S.Function),
                                     functionName(*S.Function), Site, ""});
      }
    }
    for (const VarDecl *Var : Facts.definedVariables())
      noteVariable(*Var);
    for (const VarDecl *Var : Facts.annotatedVariables())
      noteVariable(*Var);
    for (const CXXRecordDecl *Class : Facts.definedClasses())
      noteClass(*Class);
    for (auto &Entry : Variables)
      U.Variables.push_back(std::move(Entry.second));
    for (auto &Entry : Fields)
      U.Fields.push_back(std::move(Entry.second));
    for (auto &Entry : Classes)
      U.Classes.push_back(std::move(Entry.second));
    return U;
  }

private:
  void recordInputs(index::Unit &U) {
    for (const std::string &Path : inputPaths(SM))
      if (std::optional<index::InputFile> F = index::readInput(Path))
        U.Inputs.push_back(std::move(*F));
  }

  std::string usr(const Decl *D) { return Usrs.of(D).str(); }
  FileLocation at(const Stmt *S) { return Where.of(S->getBeginLoc()); }

  index::Function summarize(const FunctionDecl &F) {
    const FunctionFacts &Known = *Facts.factsOf(&F);
    index::Function Out;
    Out.USR = usr(&F);
    Out.Name = functionName(F);
    Out.Loc = Where.of(F.getLocation());
    Out.IsLambda = isLambdaOperator(&F);
    Out.IsStructor = isa<CXXConstructorDecl, CXXDestructorDecl>(F);
    Out.Dependent = F.isDependentContext();
    Out.LoopsWithSleep = Known.LoopsWithSleep;
    Out.ClosesConnection = Known.ClosesConnection;
    Out.RunsServer = Known.RunsServer;
    Out.Allowed = allowOn(F);
    if (const CXXRecordDecl *This = Facts.thisClassOf(&F))
      Out.ThisClass = noteClass(*This);
    if (const auto *Method = dyn_cast<CXXMethodDecl>(&F))
      for (const CXXMethodDecl *Overridden : Method->overridden_methods())
        if (!Usrs.of(Overridden).empty())
          Out.Overrides.push_back(usr(Overridden));
    MadeHere Made(Known);
    summarizeCalls(Known, Made, Out);
    summarizeCreations(Known, Made, Out);
    if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(&F);
        Constructor && !Facts.isLibraryCode(F))
      for (auto [Index, Field] : borrowedMembers(*Constructor))
        if (!Usrs.of(Field).empty())
          Out.Keeps.push_back({Index, usr(Field)});
    summarizeWrites(Known, Out);
    for (const EffectSite &E : Known.Effects)
      Out.Effects.push_back(summarize(E, Known));
    return Out;
  }

  /// The objects a function makes, by where, and those it hands on to a
  /// construction or call (kept even when of a library class).
  struct MadeHere {
    explicit MadeHere(const FunctionFacts &Known) {
      for (const Creation &Created : Known.Creates)
        BySite[Created.Site] = &Created;
    }
    llvm::DenseMap<const Expr *, const Creation *> BySite;
    llvm::SmallPtrSet<const Creation *, 4> HandedOn;
  };

  void summarizeCalls(const FunctionFacts &Known, MadeHere &Made,
                      index::Function &Out) {
    for (const TableUse &Use : Known.CallsStored)
      if (std::string Table = tableKey(*Use.Table); !Table.empty())
        Out.Calls.push_back({std::move(Table), qualifiedName(*Use.Table),
                             CallKind::Stored,
                             Where.of(Use.Site->getExprLoc()),
                             {},
                             {},
                             {}});
    for (const CallEdge &Edge : Known.Callees) {
      if (Usrs.of(Edge.Callee).empty())
        continue;
      Out.Calls.push_back({usr(Edge.Callee), calleeName(Edge), callKind(Edge),
                           Where.of(Edge.Site->getExprLoc()),
                           sqlArguments(Edge), modeArguments(Edge),
                           passedOn(Edge, Made)});
      // What an accessor returns may be written here, or handed on.
      const auto *Call = dyn_cast<CallExpr>(Edge.Site);
      if (!Call || !returnsMutableAccess(*Edge.Callee))
        continue;
      WriteFinder &Finder = Finders.forRoot(*Edge.Root);
      if (const Stmt *Write = Finder.findWrite(*Call))
        Out.AccessUses.push_back({usr(Edge.Callee), at(Write),
                                  Finder.handsOutAccess(*Write),
                                  via(*Write, *Call)});
    }
  }

  /// The arguments a call hands the parameters of a function of the
  /// project's; none for a library function, which the tables judge.
  llvm::ArrayRef<const Expr *> projectArguments(const CallEdge &Edge) {
    if (Facts.isLibraryCode(*Edge.Callee))
      return {};
    return parameterArguments(*Edge.Site, *Edge.Callee)
        .take_front(Edge.Callee->getNumParams());
  }

  /// The SQL a call hands a function of the project's: what writes, and
  /// the caller's own parameters passed on.
  std::vector<index::SqlArgument> sqlArguments(const CallEdge &Edge) {
    std::vector<index::SqlArgument> Found;
    llvm::ArrayRef<const Expr *> Args = projectArguments(Edge);
    for (unsigned I = 0; I < Args.size(); ++I) {
      const ParmVarDecl *Param = sqlParameter(Args[I]);
      const bool Writes = writesSql(Args[I]);
      if (Writes || Param)
        Found.push_back(
            {I, Writes, Param ? Param->getFunctionScopeIndex() + 1 : 0});
    }
    return Found;
  }

  /// The integer constants a call hands a function of the project's, and
  /// the caller's own parameters passed on: modes and flags an open in it
  /// may be given.
  std::vector<index::ModeArgument> modeArguments(const CallEdge &Edge) {
    std::vector<index::ModeArgument> Found;
    llvm::ArrayRef<const Expr *> Args = projectArguments(Edge);
    for (unsigned I = 0; I < Args.size(); ++I) {
      const QualType T =
          Edge.Callee->getParamDecl(I)->getType().getNonReferenceType();
      if (!T->isIntegralOrEnumerationType() || T->isBooleanType())
        continue;
      if (const ParmVarDecl *Param = modeParameter(Args[I]))
        Found.push_back({I, 0, Param->getFunctionScopeIndex() + 1});
      else if (std::optional<long long> Value =
                   integerValue(Args[I], Context))
        Found.push_back({I, *Value, 0});
    }
    return Found;
  }

  /// The objects a call of a function of the project's hands to its
  /// reference or pointer parameters: the callee may keep them.
  std::vector<index::Argument> passedOn(const CallEdge &Edge, MadeHere &Made) {
    std::vector<index::Argument> Found;
    llvm::ArrayRef<const Expr *> Args = projectArguments(Edge);
    for (unsigned I = 0; I < Args.size(); ++I)
      if (refersToObject(Edge.Callee->getParamDecl(I)->getType()))
        if (std::optional<index::Argument> A = handedOn(*Args[I], Made)) {
          A->Index = I;
          Found.push_back(std::move(*A));
        }
    return Found;
  }

  /// Objects of the service's own classes (long-lived handler objects,
  /// per-request ones) and objects handed on to another construction.
  void summarizeCreations(const FunctionFacts &Known, MadeHere &Made,
                          index::Function &Out) {
    std::vector<std::vector<index::Argument>> Arguments;
    for (const Creation &Created : Known.Creates) {
      Arguments.emplace_back();
      for (unsigned Index = 0; Index < Created.Args.size(); ++Index)
        if (std::optional<index::Argument> A =
                handedOn(*Created.Args[Index], Made)) {
          A->Index = Index;
          Arguments.back().push_back(std::move(*A));
        }
    }
    for (size_t I = 0; I < Known.Creates.size(); ++I) {
      const Creation &Created = Known.Creates[I];
      if (Facts.isLibraryCode(*Created.Class) &&
          !Made.HandedOn.contains(&Created))
        continue;
      index::Creation C;
      C.Class = usr(Created.Class->getCanonicalDecl());
      if (Created.Constructor)
        C.Constructor = usr(Created.Constructor);
      C.TypeName = typeName(Created.Type);
      C.Site = at(Created.Site);
      C.Keyed = isKeyedContainer(Created.Type);
      C.CanHoldState = !neverHoldsState(Created.Type);
      C.TypeNames = typeNames(Created.Type);
      llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
      addHeldClasses(Created.Type, C.Holds, Seen);
      C.Arguments = std::move(Arguments[I]);
      Out.Creates.push_back(std::move(C));
    }
  }

  /// What the argument \p Arg of a construction or call hands on: a local,
  /// an object made right there, a member's object, or what the caller
  /// passed to a reference or pointer parameter.
  std::optional<index::Argument> handedOn(const Expr &Arg, MadeHere &Made) {
    const Expr *From = passedFrom(&Arg);
    if (const auto *New = dyn_cast<CXXNewExpr>(From);
        New && New->getConstructExpr())
      From = New->getConstructExpr();
    if (const Creation *Object = Made.BySite.lookup(From)) {
      Made.HandedOn.insert(Object);
      return index::Argument{0, ArgumentKind::Made,
                             index::objectMadeAt(at(Object->Site))};
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(From)) {
      if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
          Param && refersToObject(Param->getType()))
        return index::Argument{0, ArgumentKind::Parameter, "",
                               Param->getFunctionScopeIndex()};
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (!Var || !isSharableLocal(*Var))
        return std::nullopt;
      return index::Argument{0, ArgumentKind::Local, noteVariable(*Var)};
    }
    if (const FieldDecl *Field = handedOnMember(Arg))
      return index::Argument{0, ArgumentKind::Member, usr(Field)};
    return std::nullopt;
  }

  /// The method of the service's own code that \p Write calls on the object
  /// \p Ref denotes, as its USR: the write happens only if the method
  /// changes its object. Empty for library methods, which the tables judge.
  std::string via(const Stmt &Write, const Expr &Ref) {
    const CXXMethodDecl *Method = WriteFinder::methodCalledOn(Write, Ref);
    if (!Method || Facts.isLibraryCode(*Method))
      return "";
    return usr(Method);
  }

  /// A local that code around a lambda or constructor may share: not a
  /// parameter or a reference.
  static bool isSharableLocal(const VarDecl &Var) {
    return Var.hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
           !Var.getType()->isReferenceType() &&
           isa_and_nonnull<FunctionDecl>(Var.getParentFunctionOrMethod());
  }

  void summarizeWrites(const FunctionFacts &Known, index::Function &Out) {
    using Part = WriteFinder::Part;
    for (const GlobalReference &R : Known.GlobalRefs) {
      WriteFinder &Finder = Finders.forRoot(*R.Root);
      if (const Stmt *Site = Finder.findWrite(*R.Ref);
          Site && !Finder.isLazyInitialisation(*Site, *R.Ref))
        Out.VariableWrites.push_back({noteVariable(*R.Var), at(Site),
                                      Finder.handsOutAccess(*Site),
                                      via(*Site, *R.Ref)});
    }
    for (const MemberReference &R : Known.MemberRefs) {
      if (Usrs.of(R.Field).empty())
        continue;
      WriteFinder &Finder = Finders.forRoot(*R.Root);
      index::MemberWrite W;
      if (const Stmt *Site = Finder.findWrite(*R.Ref, Part::Object)) {
        W.Object = at(Site);
        W.ObjectVia = via(*Site, *R.Ref);
      }
      // What a pointer or reference member points to is written apart.
      if ((!W.Object.isValid() || refersToObject(R.Field->getType())) &&
          !holdsNoData(R.Ref->getType()))
        if (const Stmt *Site = Finder.findWrite(*R.Ref, Part::Pointee)) {
          W.Pointee = at(Site);
          W.PointeeVia = via(*Site, *R.Ref);
          W.PointeeHandedOut = Finder.handsOutAccess(*Site);
        }
      if (!W.Object.isValid() && !W.Pointee.isValid())
        continue;
      W.Field = noteField(*R.Field);
      Out.MemberWrites.push_back(std::move(W));
    }
    for (const CapturedReference &R : Known.CapturedRefs)
      if (isSharableLocal(*R.Var))
        if (const Stmt *Site = Finders.forRoot(*R.Root).findWrite(
                *R.Ref, R.ByReference ? Part::ObjectOrPointee : Part::Pointee))
          Out.CapturedWrites.push_back(
              {noteVariable(*R.Var), at(Site), via(*Site, *R.Ref)});
    for (const CXXMethodDecl *Method : Known.CallsOnThis)
      if (!Facts.isLibraryCode(*Method) && !Usrs.of(Method).empty())
        Out.CallsOnThis.push_back(usr(Method));
  }

  index::Effect summarize(const EffectSite &E, const FunctionFacts &Known) {
    index::Effect Out;
    Out.Kind = E.What.Kind;
    Out.Api = E.What.Api;
    Out.Action = E.What.Action;
    Out.Site = Where.of(E.Site->getExprLoc());
    Out.Recurs = E.What.Recurs;
    if (E.What.SqlFrom)
      Out.SqlParameter = E.What.SqlFrom->getFunctionScopeIndex() + 1;
    if (E.What.ModeFrom) {
      Out.ModeParameter = E.What.ModeFrom->getFunctionScopeIndex() + 1;
      Out.ModeBits = E.What.ModeBits;
    }
    if (const Decl *Object = E.What.Object) {
      if (const auto *Var = dyn_cast<VarDecl>(Object))
        Out.Object = variableKey(*Var);
      else
        Out.Object = usr(Object);
      Out.ObjectAllow = allowOn(*Object);
      // Whose object it is decides whether it is a connection's deadline.
      if (const auto *Field = dyn_cast<FieldDecl>(Object))
        noteField(*Field);
    } else if (E.Thread) {
      const FileLocation Made = Where.of(E.Thread->getBeginLoc());
      Out.Object = "thread@" + Made.File + ":" + std::to_string(Made.Line) +
                   ":" + std::to_string(Made.Column);
    }
    if (E.What.Kind == EffectKind::FileWrite)
      Out.Target = targetOf(*E.Site);
    // The functions the call is given: those reached from inside it.
    for (const CallEdge &Edge : Known.Callees)
      if (Edge.Site != E.Site &&
          E.Site->getSourceRange().fullyContains(Edge.Site->getSourceRange()) &&
          !Usrs.of(Edge.Callee).empty())
        Out.Callbacks.push_back(usr(Edge.Callee));
    return Out;
  }

  /// The first argument of a file-writing call, as written, when it names
  /// a file: a string or a path (not a stream or a mode).
  std::string targetOf(const Expr &Call) {
    const Expr *First = nullptr;
    if (const auto *C = dyn_cast<CallExpr>(&Call); C && C->getNumArgs())
      First = C->getArg(0);
    else if (const auto *C = dyn_cast<CXXConstructExpr>(&Call);
             C && C->getNumArgs())
      First = C->getArg(0);
    if (!First || isa<CXXDefaultArgExpr>(First))
      return "";
    QualType T = First->IgnoreImplicit()->getType().getNonReferenceType();
    if (!T->isPointerType() && !T->isArrayType()) {
      const CXXRecordDecl *Class = underlyingRecord(T);
      const std::string Name = Class ? qualifiedName(*templateOrSelf(Class)) : "";
      if (!llvm::StringRef(Name).ends_with_insensitive("string") &&
          !llvm::StringRef(Name).contains("path"))
        return "";
    }
    const CharSourceRange Range = CharSourceRange::getTokenRange(
        SM.getFileLoc(First->getBeginLoc()), SM.getFileLoc(First->getEndLoc()));
    llvm::StringRef Text =
        Lexer::getSourceText(Range, SM, Context.getLangOpts());
    // Long expressions are shortened: the target names the file, no more.
    constexpr size_t MaxTarget = 100;
    return Text.size() > MaxTarget ? (Text.take_front(MaxTarget) + "...").str()
                                   : Text.str();
  }

  void summarizeRoots(index::Unit &U) {
    auto Add = [&](RootKind Kind, const FunctionDecl *F,
                   SourceLocation Site) -> index::Root * {
      if (Usrs.of(F).empty())
        return nullptr;
      index::Root R;
      R.Kind = Kind;
      R.Function = usr(F);
      R.FunctionName = functionName(*F);
      R.Site = Where.of(Site);
      U.Roots.push_back(std::move(R));
      return &U.Roots.back();
    };
    for (const HandlerRoot &Root : Facts.handlerRoots()) {
      const Decl *Of = Root.Function;
      if (!Of)
        Of = Root.Table;
      SourceLocation Site = Of->getLocation();
      if (const auto *E = dyn_cast_or_null<Expr>(Root.Site))
        Site = E->getExprLoc();
      index::Root *R = nullptr;
      if (Root.Function) {
        R = Add(RootKind::Handler, Root.Function, Site);
      } else if (std::string Table = tableKey(*Root.Table); !Table.empty()) {
        R = &U.Roots.emplace_back();
        R->Table = std::move(Table);
        R->Site = Where.of(Site);
      }
      if (R) {
        R->Why = Root.Why;
        R->Via = Root.Via;
        R->Route = Root.Route;
      }
    }
    for (const CallEdge &Thread : Facts.threadRoots())
      Add(RootKind::Thread, Thread.Callee, Thread.Site->getExprLoc());
    for (const FunctionDecl *StartUp : Facts.startUpRoots())
      Add(RootKind::StartUp, StartUp, StartUp->getLocation());
  }

  std::optional<index::Allow> allowOn(const Decl &D) {
    std::optional<AllowAnnotation> Found = findAllowAnnotation(D);
    if (!Found)
      return std::nullopt;
    const auto *Named = dyn_cast<NamedDecl>(&D);
    return index::Allow{Named ? Named->getNameAsString() : "", Found->Kind,
                        Found->Reason, Found->Issue, Where.of(Found->Loc)};
  }

  /// How a variable is named in the facts: its USR, or for the instances of
  /// a template, the place of their pattern.
  std::string variableKey(const VarDecl &Var) {
    const VarDecl *Canonical = Var.getCanonicalDecl();
    if (!isInstantiated(*Canonical))
      return usr(Canonical);
    FileLocation L = Where.of(Canonical->getLocation());
    return "static@" + L.File + ":" + std::to_string(L.Line) + ":" +
           std::to_string(L.Column);
  }

  /// How a table of callables is named in the facts: a parameter by its
  /// function and position, as every unit that declares the function names
  /// it; empty when it has no name there.
  std::string tableKey(const ValueDecl &Table) {
    if (const auto *Param = dyn_cast<ParmVarDecl>(&Table)) {
      const auto *F = dyn_cast<FunctionDecl>(Param->getDeclContext());
      if (!F || Usrs.of(F).empty())
        return "";
      return usr(F) + "#" + std::to_string(Param->getFunctionScopeIndex());
    }
    if (const auto *Var = dyn_cast<VarDecl>(&Table))
      return variableKey(*Var);
    return usr(&Table);
  }

  /// \p T as written, or for a deduced type (`auto`) what it is.
  std::string typeName(QualType T) const {
    if (T->getContainedAutoType() || T->getContainedDeducedType())
      T = T.getCanonicalType();
    return T.getAsString(Context.getPrintingPolicy());
  }

  /// How the AllowedTypes option may name \p T: as written, canonical, and
  /// the class (template) it is about.
  std::vector<std::string> typeNames(QualType T) {
    std::vector<std::string> Names = {
        T.getUnqualifiedType().getAsString(Policy),
        T.getCanonicalType().getUnqualifiedType().getAsString(Policy)};
    if (const CXXRecordDecl *Held = underlyingRecord(T)) {
      const NamedDecl *Named = Held;
      if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Held))
        Named = Spec->getSpecializedTemplate();
      Names.push_back(qualifiedName(*Named));
    }
    llvm::sort(Names);
    Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
    return Names;
  }

  /// The classes of \p T and, for a container or wrapper, of what it holds.
  void addHeldClasses(QualType T, std::vector<std::string> &Held,
                      llvm::SmallPtrSetImpl<const CXXRecordDecl *> &Seen,
                      unsigned Depth = 0) {
    const CXXRecordDecl *Class = underlyingRecord(T);
    if (!Class || Depth > MaxNesting || !Seen.insert(Class->getCanonicalDecl()).second)
      return;
    if (!Usrs.of(Class->getCanonicalDecl()).empty())
      Held.push_back(usr(Class->getCanonicalDecl()));
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Class))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type)
          addHeldClasses(Arg.getAsType(), Held, Seen, Depth + 1);
  }

  /// Records \p Var among the unit's variables; returns its key.
  std::string noteVariable(const VarDecl &Var) {
    std::string Key = variableKey(Var);
    auto [It, Inserted] = Variables.try_emplace(Key);
    if (!Inserted)
      return Key;
    index::Variable &V = It->second;
    V.USR = Key;
    V.Name = Var.getNameAsString();
    V.QualifiedName = qualifiedName(Var);
    V.Scope = Var.hasLocalStorage()      ? VariableScope::SharedLocal
              : Var.isStaticLocal()      ? VariableScope::StaticLocal
              : Var.isStaticDataMember() ? VariableScope::StaticMember
                                         : VariableScope::Namespace;
    V.ThreadLocal = Var.getTLSKind() != VarDecl::TLS_None;
    const VarDecl *Definition = Var.getDefinition();
    V.Defined = Definition && isInMainFile(*Definition, SM);
    V.Loc = Where.of(
        (V.Defined ? Definition : Var.getCanonicalDecl())->getLocation());
    QualType T = Var.getType();
    V.Keyed = isKeyedContainer(T);
    V.CanHoldState = !Context.getBaseElementType(T).isConstQualified() &&
                     !neverHoldsState(T) && !isScratchBuffer(Var, Context);
    V.Allowed = allowOn(Var);
    V.TypeNames = typeNames(T);
    V.TypeName = typeName(T);
    llvm::SmallPtrSet<const CXXRecordDecl *, 8> Seen;
    addHeldClasses(T, V.Holds, Seen);
    if (Var.hasLocalStorage())
      if (const auto *F =
              dyn_cast_or_null<FunctionDecl>(Var.getParentFunctionOrMethod()))
        V.Function = usr(definitionOf(F) ? definitionOf(F) : F);
    return Key;
  }

  /// Records \p Field among the unit's fields; returns its USR.
  std::string noteField(const FieldDecl &Field) {
    std::string USR = usr(&Field);
    auto [It, Inserted] = Fields.try_emplace(USR);
    if (!Inserted)
      return USR;
    index::Field &F = It->second;
    F.USR = USR;
    F.Name = Field.getNameAsString();
    F.QualifiedName = qualifiedName(Field);
    const auto *Class = dyn_cast<CXXRecordDecl>(Field.getParent());
    if (Class)
      F.Class = noteClass(*Class);
    F.Loc = Where.of(Field.getLocation());
    QualType T = Field.getType();
    F.TypeName = typeName(T);
    F.Keyed = isKeyedContainer(T);
    F.CanHoldState = !T->isReferenceType() &&
                     !Context.getBaseElementType(T).isConstQualified() &&
                     !neverHoldsState(T);
    F.RefersToObject = refersToObject(T);
    F.IsReference = T->isReferenceType();
    F.Borrowed = Class && F.RefersToObject &&
                 llvm::any_of(Class->ctors(), [&](const CXXConstructorDecl *C) {
                   const FunctionDecl *Definition = definitionOf(C);
                   return Definition &&
                          llvm::is_contained(
                              llvm::make_second_range(borrowedMembers(
                                  *cast<CXXConstructorDecl>(Definition))),
                              &Field);
                 });
    F.Allowed = allowOn(Field);
    return USR;
  }

  /// Records \p Class (and the annotated members of it and its bases)
  /// among the unit's classes; returns its USR.
  std::string noteClass(const CXXRecordDecl &Class) {
    const std::string USR = usr(Class.getCanonicalDecl());
    if (USR.empty())
      return USR;
    // Entered first: its members' facts name it in turn.
    auto [It, Inserted] = Classes.try_emplace(USR);
    if (!Inserted)
      return USR;
    index::Class &C = It->second;
    C.USR = USR;
    C.Name = qualifiedName(Class);
    C.Implemented = Facts.implementsClass(&Class);
    C.PerRequest = FrameworkTables::isPerRequestClass(Class);
    const CXXRecordDecl *Definition = Class.getDefinition();
    C.Defined = Definition && isInMainFile(*Definition, SM);
    if (Definition && !Definition->isDependentContext()) {
      std::vector<std::string> Bases;
      Definition->forallBases([&](const CXXRecordDecl *Base) {
        if (!Usrs.of(Base->getCanonicalDecl()).empty())
          Bases.push_back(usr(Base->getCanonicalDecl()));
        return true;
      });
      C.Bases = std::move(Bases);
      noteAnnotatedFields(*Definition);
      Definition->forallBases([&](const CXXRecordDecl *Base) {
        noteAnnotatedFields(*Base);
        return true;
      });
    }
    return USR;
  }

  void noteAnnotatedFields(const CXXRecordDecl &Class) {
    for (const FieldDecl *Field : Class.fields())
      if (Field->hasAttr<AnnotateAttr>() && !Usrs.of(Field).empty())
        noteField(*Field);
  }

  const CodeFacts &Facts;
  WriteFinders &Finders;
  ASTContext &Context;
  const SourceManager &SM;
  Places Where;
  UsrCache Usrs;
  const PrintingPolicy Policy;
  std::map<std::string, index::Variable> Variables;
  std::map<std::string, index::Field> Fields;
  std::map<std::string, index::Class> Classes;
};

} // namespace

std::vector<std::string> inputPaths(const clang::SourceManager &SM) {
  std::vector<std::string> Paths;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    llvm::SmallString<256> Path(nameOf(It->first));
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    Paths.push_back(std::string(Path));
  }
  llvm::sort(Paths);
  return Paths;
}

index::Unit summarizeUnit(const CodeFacts &Facts, WriteFinders &Finders,
                          llvm::StringRef Command, bool RecordInputs) {
  return Summarizer(Facts, Finders).run(Command, RecordInputs);
}

} // namespace stateless

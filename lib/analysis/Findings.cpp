//===--- Findings.cpp - what each check reports, as data -------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Findings.h"
#include "Effects.h"
#include "Annotations.h"
#include "RequestEffects.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include <set>

namespace stateless {
namespace {

llvm::StringRef describeVariable(const GlobalState &G, bool Keyed) {
  if (G.ThreadLocal)
    return Keyed ? "thread-local container" : "thread-local variable";
  switch (G.Scope) {
  case VariableScope::StaticMember:
    return Keyed ? "static member container" : "static member";
  case VariableScope::StaticLocal:
    return Keyed ? "static local container" : "static local variable";
  case VariableScope::SharedLocal:
    return Keyed ? "local container" : "local variable";
  case VariableScope::SharedObject:
    return Keyed ? "container of type" : "object of type";
  case VariableScope::Namespace:
    break;
  }
  return Keyed ? "global container" : "global variable";
}

/// What the state inventory calls a piece of state.
llvm::StringRef inventoryKind(const GlobalState &G) {
  if (G.Keyed)
    return "session map";
  if (G.Scope == VariableScope::SharedLocal ||
      G.Scope == VariableScope::SharedObject)
    return "shared object";
  return "mutable global";
}

/// How notes name it: its name, or an object made inline "the object".
std::string noteName(const GlobalState &G) {
  return G.MadeInline ? "the object" : "'" + G.DisplayName + "'";
}

/// For what start-up code shares, who shares it.
std::string sharedBy(const GlobalState &G) {
  if (G.SharedBy.empty())
    return "";
  return ", which '" + G.SharedBy + "' " +
         (G.MadeInline ? "makes and shares" : "shares") + " with request code,";
}

llvm::StringRef lossOf(bool Keyed) {
  return Keyed ? "entries stored in one instance are missing from the others "
                 "and lost on restart"
               : "its value is per-instance and lost on restart";
}

/// Builds the findings of one check.
class Reporter {
public:
  Reporter(Check C, const ReportOptions &Options, const HandlerModel &Handlers)
      : C(C), Options(Options), Handlers(Handlers) {}

  void globals(const std::vector<GlobalState> &Globals, bool Keyed) {
    for (const GlobalState &G : Globals) {
      if (G.Keyed != Keyed)
        continue;
      // A malformed annotation is reported, and allows nothing.
      const bool Allowed = G.Allowed && G.Allowed->isValid();
      if (G.Allowed && !Allowed)
        annotationProblem(*G.Allowed, G.DisplayName);
      if (!G.CanHoldState || G.Writes.empty() ||
          (Allowed && !Options.ReportAllowed) ||
          Options.AllowedNames.matchesAny(G.Names) ||
          Options.AllowedTypes.matchesAny(G.TypeNames))
        continue;
      const Shown S = show(G.Writes);
      if (!S.Chosen && !Options.AllCode)
        continue;
      const Write &W = S.Chosen ? *S.Chosen : G.Writes.front();
      Finding F = start(inventoryKind(G), G.DisplayName, G.Loc, G.Writes);
      F.Type = G.TypeName;
      F.SharedBy = G.SharedBy;
      F.Message = describeVariable(G, Keyed).str() + " '" + G.DisplayName +
                  "'" + sharedBy(G) + " is modified after start-up: " +
                  lossOf(Keyed).str();
      if (G.DefinedInMainFile) {
        F.At = G.Loc;
        F.Notes.push_back({W.Site, noteName(G) + " is modified here"});
      } else {
        F.At = W.Site;
        F.Notes.push_back(
            {G.Loc, noteName(G) + (G.MadeInline ? " is made here"
                                                : " is declared here")});
      }
      finish(std::move(F), S, G.Allowed);
    }
  }

  void members(const std::vector<MemberState> &Members) {
    for (const MemberState &M : Members) {
      const index::Field &Field = *M.Field;
      const bool Allowed = Field.Allowed && Field.Allowed->isValid();
      if (Field.Allowed && !Allowed)
        annotationProblem(*Field.Allowed, Field.QualifiedName);
      if (!Field.CanHoldState || M.Writes.empty() ||
          (Allowed && !Options.ReportAllowed))
        continue;
      const Shown S = show(M.Writes);
      if (!S.Chosen && !Options.AllCode)
        continue;
      const Write &W = S.Chosen ? *S.Chosen : M.Writes.front();
      Finding F =
          start("handler member", Field.QualifiedName, Field.Loc, M.Writes);
      F.Type = Field.TypeName;
      F.At = Field.Loc;
      F.Message = "member '" + Field.QualifiedName +
                  "' of a long-lived handler object is modified " +
                  (S.Chosen ? "while serving requests" : "after start-up") +
                  ": " + lossOf(Field.Keyed).str();
      if (W.Site.isValid())
        F.Notes.push_back({W.Site, "'" + Field.Name + "' is modified here"});
      finish(std::move(F), S, Field.Allowed);
    }
  }

  void effects(const std::vector<EffectFinding> &Found) {
    for (const EffectFinding &E : Found) {
      const index::Effect &What = *E.Effect;
      std::optional<index::Allow> Allow = allowing(E.In->Allowed);
      if (!Allow)
        Allow = allowing(What.ObjectAllow);
      if (Allow && !Options.ReportAllowed)
        continue;
      // A database opened elsewhere is shown with the request's write.
      FunctionRef Writer = E.WrittenBy ? E.WrittenIn : E.In;
      std::optional<HandlerPath> Path = Handlers.pathTo(Writer);
      const std::string During = E.WrittenBy ? " that request code writes"
                                 : Path      ? " while serving a request"
                                             : "";
      const std::string Call = "'" + What.Api + "' " + E.Action;
      const Write At{Writer, E.WrittenBy ? E.WrittenBy->Site : What.Site};
      Finding F = start(What.Kind == EffectKind::FileWrite ? "local file"
                        : E.Recurring                      ? "scheduled job"
                                                           : "timer",
                        What.Api, What.Site, At);
      F.At = What.Site;
      F.In = infoOf(*E.In);
      F.AtStartUp = Handlers.isStartUpOnly(E.In);
      for (const std::string &USR : What.Callbacks)
        if (FunctionRef Runs = Handlers.view().definition(USR))
          F.Runs.push_back(infoOf(*Runs));
      F.Target = What.Target;
      F.Message = Call;
      if (E.WrittenBy)
        F.Notes.push_back(
            {E.WrittenBy->Site,
             "'" + E.WrittenBy->Api + "' writes the " +
                 (localDatabaseOf(E.WrittenBy->Api).empty() ? "file"
                                                            : "database") +
                 " here"});
      if (What.Kind == EffectKind::FileWrite)
        F.Message += " on this instance's disk" + During +
                     "; keep files in object storage or a database";
      else if (E.Recurring)
        F.Message += During +
                     ": a scheduled job of this instance, run by every "
                     "instance and stopped with it; run it from an external "
                     "scheduler (a cron job, a queue's scheduled messages)";
      else
        F.Message += " in this instance" + During +
                     ": the job runs on this instance only and is lost when "
                     "it stops; use an external scheduler or a job queue";
      finish(std::move(F), Shown{Path ? &At : nullptr, Path, {Writer}}, Allow);
    }
  }

  void sessionStores(const std::vector<EffectFinding> &Found) {
    for (const EffectFinding &E : Found) {
      std::optional<index::Allow> Allow = E.In->Allowed;
      if (Allow && !Allow->isValid()) {
        annotationProblem(*Allow, Allow->On);
        Allow.reset();
      }
      if (Allow && !Options.ReportAllowed)
        continue;
      const index::Effect &What = *E.Effect;
      Finding F = start("session store", What.Api, What.Site,
                        Write{E.In, What.Site});
      F.At = What.Site;
      F.Message = "'" + What.Api + "' " + E.Action +
                  ": a user's next request, served by another instance, "
                  "finds no session, and a restart loses them all; keep "
                  "sessions in a shared store (Redis, a database) or in "
                  "signed tokens";
      if (Allow) {
        F.Notes.push_back(allowedNote(*Allow));
        F.Allowed = Allow;
      }
      Out.push_back(std::move(F));
    }
  }

  std::vector<Finding> Out;

private:
  /// The write a finding shows: the first that a handler reaches, with
  /// that handler's path, else none. Writers lists the functions of every
  /// write.
  struct Shown {
    const Write *Chosen = nullptr;
    std::optional<HandlerPath> Path;
    std::vector<FunctionRef> Writers;
  };
  Shown show(llvm::ArrayRef<Write> Writes) const {
    Shown Result;
    for (const Write &W : Writes) {
      Result.Writers.push_back(W.In);
      if (Result.Chosen)
        continue;
      Result.Path = Handlers.pathTo(W.In);
      if (Result.Path)
        Result.Chosen = &W;
    }
    return Result;
  }

  Finding start(llvm::StringRef Kind, llvm::StringRef Name,
                const FileLocation &Declared,
                llvm::ArrayRef<Write> Writes) const {
    Finding F;
    F.From = C;
    F.Kind = Kind.str();
    F.Name = Name.str();
    F.Declared = Declared;
    for (const Write &W : Writes)
      F.Writes.push_back({W.Site, infoOf(*W.In)});
    return F;
  }

  static FunctionInfo infoOf(const index::Function &F) {
    return {F.Name, F.Loc};
  }

  /// The notes of the handler path shown, of the other handlers (under
  /// ReportAllHandlers), and of the annotation that allows the state.
  void finish(Finding F, const Shown &S,
              const std::optional<index::Allow> &Allow) {
    if (S.Path) {
      llvm::append_range(F.Notes, Handlers.describe(*S.Path));
      F.Handlers.push_back(handlerInfo(*S.Path));
    }
    if (Options.ReportAllHandlers)
      for (const HandlerPath &Path : Handlers.pathsFromEachHandler(S.Writers)) {
        if (S.Path && Path.Root == S.Path->Root)
          continue;
        Note AtHandler = Handlers.describe(Path).front();
        AtHandler.Message = "also " + AtHandler.Message;
        for (size_t I = 0; I < Path.Calls.size(); ++I)
          AtHandler.Message += (I ? ", " : ", via ") +
                               describeFunction(*Path.Calls[I].Callee);
        F.Notes.push_back(std::move(AtHandler));
        F.Handlers.push_back(handlerInfo(Path));
      }
    if (Allow && Allow->isValid()) {
      F.Notes.push_back(allowedNote(*Allow));
      F.Allowed = Allow;
    }
    Out.push_back(std::move(F));
  }

  HandlerInfo handlerInfo(const HandlerPath &Path) const {
    HandlerInfo Info{Path.Root->FunctionName, Path.Root->Route,
                     Path.Root->Why,          Path.Root->Via,
                     Path.Root->Site,         {Path.Root->FunctionName, {}},
                     {}};
    if (FunctionRef F = Handlers.view().definition(Path.Root->Function))
      Info.Function = infoOf(*F);
    for (const PathStep &Step : Path.Calls)
      Info.Calls.push_back(infoOf(*Step.Callee));
    return Info;
  }

  static Note allowedNote(const index::Allow &A) {
    return {A.Loc, "allowed by STATELESS_ALLOW(" + A.Kind + "): " + A.Reason};
  }

  void annotationProblem(const index::Allow &A, llvm::StringRef Name) {
    Finding F;
    F.From = C;
    F.Kind = "annotation";
    F.At = A.Loc;
    F.Name = Name.str();
    F.Declared = A.Loc;
    F.Allowed = A;
    if (A.Problem == AllowProblem::UnknownKind)
      F.Message = "STATELESS_ALLOW on '" + Name.str() + "' has unknown kind '" +
                  A.Kind + "'; use one of " + allowedKindList().str();
    else
      F.Message = "STATELESS_ALLOW on '" + Name.str() +
                  "' needs a reason: say why losing this state is safe";
    Out.push_back(std::move(F));
  }

  /// The valid annotation \p A that allows an effect; a malformed one is
  /// reported (once) and allows nothing.
  std::optional<index::Allow> allowing(const std::optional<index::Allow> &A) {
    if (!A || A->isValid())
      return A;
    if (ReportedAnnotations.insert(A->Loc).second)
      annotationProblem(*A, A->On);
    return std::nullopt;
  }

  const Check C;
  const ReportOptions &Options;
  const HandlerModel &Handlers;
  std::set<FileLocation> ReportedAnnotations;
};

/// Version of the findings' JSON: bumped when a field changes meaning.
constexpr int FindingsVersion = 1;

void writePlace(llvm::json::OStream &J, const FileLocation &At) {
  J.attribute("file", At.File);
  J.attribute("line", int64_t(At.Line));
  J.attribute("column", int64_t(At.Column));
}

void writePlace(llvm::json::OStream &J, llvm::StringRef Name,
                const FileLocation &At) {
  if (At.isValid())
    J.attributeObject(Name, [&] { writePlace(J, At); });
}

void writeFunction(llvm::json::OStream &J, const FunctionInfo &F) {
  J.object([&] {
    J.attribute("name", F.Name);
    writePlace(J, F.At);
  });
}

void writeFinding(llvm::json::OStream &J, const Finding &F) {
  J.object([&] {
    J.attribute("check", checkName(F.From));
    J.attribute("kind", F.Kind);
    writePlace(J, F.At);
    J.attribute("message", F.Message);
    J.attribute("name", F.Name);
    if (!F.Type.empty())
      J.attribute("type", F.Type);
    if (!F.SharedBy.empty())
      J.attribute("shared_by", F.SharedBy);
    writePlace(J, "declared", F.Declared);
    if (F.In) {
      J.attributeBegin("in");
      writeFunction(J, *F.In);
      J.attributeEnd();
      J.attribute("at_start_up", F.AtStartUp);
      J.attributeArray("runs", [&] {
        for (const FunctionInfo &Runs : F.Runs)
          writeFunction(J, Runs);
      });
      if (!F.Target.empty())
        J.attribute("target", F.Target);
    }
    J.attributeArray("writes", [&] {
      for (const WriteInfo &W : F.Writes)
        J.object([&] {
          writePlace(J, W.At);
          J.attributeBegin("function");
          writeFunction(J, W.Function);
          J.attributeEnd();
        });
    });
    J.attributeArray("handlers", [&] {
      for (const HandlerInfo &H : F.Handlers)
        J.object([&] {
          J.attribute("name", H.Name);
          if (!H.Route.empty())
            J.attribute("route", H.Route);
          J.attribute("why", nameOf(H.Why));
          J.attribute("via", H.Via);
          writePlace(J, H.At);
          J.attributeBegin("function");
          writeFunction(J, H.Function);
          J.attributeEnd();
          J.attributeArray("calls", [&] {
            for (const FunctionInfo &Call : H.Calls)
              writeFunction(J, Call);
          });
        });
    });
    if (F.Allowed)
      J.attributeObject("allowed", [&] {
        J.attribute("kind", F.Allowed->Kind);
        J.attribute("reason", F.Allowed->Reason);
        writePlace(J, F.Allowed->Loc);
      });
    J.attributeArray("notes", [&] {
      for (const Note &N : F.Notes)
        J.object([&] {
          writePlace(J, N.At);
          J.attribute("message", N.Message);
        });
    });
  });
}

} // namespace

void writeFindingsJson(llvm::StringRef MainFile, llvm::ArrayRef<Finding> Found,
                       llvm::raw_ostream &OS) {
  llvm::json::OStream J(OS, /*IndentSize=*/1);
  J.object([&] {
    J.attribute("version", FindingsVersion);
    J.attribute("unit", MainFile);
    J.attributeArray("findings", [&] {
      for (const Finding &F : Found)
        writeFinding(J, F);
    });
  });
}

llvm::StringRef checkName(Check C) {
  switch (C) {
  case Check::MutableGlobal:
    return "stateless-mutable-global";
  case Check::StaticSessionMap:
    return "stateless-static-session-map";
  case Check::HandlerMemberState:
    return "stateless-handler-member-state";
  case Check::LocalFsWrite:
    return "stateless-local-fs-write";
  case Check::InstanceTimer:
    return "stateless-instance-timer";
  }
  return "";
}

std::vector<Finding> findingsOf(Check C, const ReportOptions &Options,
                                const HandlerModel &Handlers,
                                const std::vector<GlobalState> &Globals,
                                const std::vector<MemberState> &Members) {
  Reporter R(C, Options, Handlers);
  switch (C) {
  case Check::MutableGlobal:
    R.globals(Globals, /*Keyed=*/false);
    break;
  case Check::StaticSessionMap:
    R.globals(Globals, /*Keyed=*/true);
    // Session stores are configured at start-up: every function counts.
    R.sessionStores(findSessionStores(Handlers));
    break;
  case Check::HandlerMemberState:
    R.members(Members);
    break;
  case Check::LocalFsWrite:
    R.effects(findEffects(Handlers, EffectKind::FileWrite, Options.AllCode));
    break;
  case Check::InstanceTimer:
    R.effects(findEffects(Handlers, EffectKind::Timer, Options.AllCode));
    break;
  }
  return std::move(R.Out);
}

} // namespace stateless

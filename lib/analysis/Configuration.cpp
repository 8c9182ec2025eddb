//===--- Configuration.cpp - the options of the stateless-* checks ---------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Configuration.h"

#include "llvm/ADT/StringSwitch.h"

namespace stateless {
namespace {

constexpr llvm::StringLiteral HandlerOptionNames[] = {
    "HandlerFunctions", "HandlerRegistrars", "HandlerBaseClasses"};

/// The checks of state held in variables take AllowedTypes and
/// AllowedNames, and report from all code but start-up code by default.
bool reportsVariables(Check C) {
  return C == Check::MutableGlobal || C == Check::StaticSessionMap;
}

class Reader {
public:
  Reader(Check C, OptionLookup Lookup, std::vector<std::string> &Problems,
         CheckConfiguration &Out)
      : C(C), Lookup(Lookup), Problems(Problems), Out(Out) {}

  std::string text(llvm::StringRef Name, bool LocalOnly = false) {
    std::optional<Setting> Set = Lookup(Name, LocalOnly);
    std::string Value = Set ? Set->Value : "";
    Out.Written.emplace_back(Name.str(), Value);
    return Value;
  }

  RegexList regexList(llvm::StringRef Name, bool LocalOnly = false) {
    std::optional<Setting> Set = Lookup(Name, LocalOnly);
    Out.Written.emplace_back(Name.str(), Set ? Set->Value : "");
    if (!Set)
      return RegexList();
    std::string Error;
    RegexList List = RegexList::parse(Set->Value, Error);
    if (!Error.empty())
      Problems.push_back(Error + " in option '" + Set->Key +
                         "'; the option is ignored");
    return List;
  }

  // Read as text: the bool overloads of the options API are mangled
  // differently by GCC and by the clang that built LLVM, so they do not link.
  bool flag(llvm::StringRef Name) {
    std::optional<Setting> Set = Lookup(Name, /*LocalOnly=*/false);
    bool Value = false;
    if (Set) {
      std::optional<bool> Parsed =
          llvm::StringSwitch<std::optional<bool>>(
              llvm::StringRef(Set->Value).lower())
              .Case("true", true)
              .Case("1", true)
              .Case("false", false)
              .Case("0", false)
              .Default(std::nullopt);
      if (!Parsed)
        Problems.push_back("invalid value '" + Set->Value + "' for option '" +
                           Set->Key + "': expected 'true' or 'false'; using " +
                           "'false'");
      Value = Parsed.value_or(false);
    }
    Out.Written.emplace_back(Name.str(), Value ? "true" : "false");
    return Value;
  }

  bool allCode() {
    const llvm::StringRef Default = reportsVariables(C) ||
                                            C == Check::HandlerMemberState
                                        ? "all"
                                        : "handlers";
    llvm::StringRef Value = Default;
    if (std::optional<Setting> Set = Lookup("Scope", /*LocalOnly=*/true)) {
      if (Set->Value == "handlers" || Set->Value == "all")
        Value = Set->Value == "all" ? "all" : "handlers";
      else
        Problems.push_back("invalid value '" + Set->Value + "' for option '" +
                           Set->Key + "': expected 'handlers' or 'all'; " +
                           "using '" + Default.str() + "'");
    }
    Out.Written.emplace_back("Scope", Value.str());
    return Value == "all";
  }

private:
  const Check C;
  OptionLookup Lookup;
  std::vector<std::string> &Problems;
  CheckConfiguration &Out;
};

} // namespace

CheckConfiguration readConfiguration(Check C, OptionLookup Lookup,
                                     std::vector<std::string> &Problems) {
  CheckConfiguration Config;
  Reader Read(C, Lookup, Problems, Config);
  Config.Report.AllCode = Read.allCode();
  Config.Handlers.Functions = Read.regexList("HandlerFunctions");
  Config.Handlers.Registrars = Read.regexList("HandlerRegistrars");
  Config.Handlers.BaseClasses = Read.regexList("HandlerBaseClasses");
  Config.Report.ReportAllowed = Read.flag("ReportAllowed");
  Config.Report.ReportAllHandlers = Read.flag("ReportAllHandlers");
  Config.ProjectIndex = Read.text("ProjectIndex");
  Config.ExportFindings = Read.text("ExportFindings");
  if (reportsVariables(C)) {
    Config.Report.AllowedTypes = Read.regexList("AllowedTypes", true);
    Config.Report.AllowedNames = Read.regexList("AllowedNames", true);
  }
  return Config;
}

HandlerOptions allHandlerOptions(
    llvm::function_ref<std::optional<Setting>(Check, llvm::StringRef Name)>
        Lookup,
    std::vector<std::string> &Problems) {
  // Each option is the list of every check's patterns that parse.
  std::string Joined[std::size(HandlerOptionNames)];
  for (Check C : AllChecks) {
    std::vector<std::string> CheckProblems;
    CheckConfiguration Config = readConfiguration(
        C,
        [&](llvm::StringRef Name, bool) { return Lookup(C, Name); },
        CheckProblems);
    for (const std::string &Problem : CheckProblems)
      if (!llvm::is_contained(Problems, Problem))
        Problems.push_back(Problem);
    for (size_t I = 0; I < std::size(HandlerOptionNames); ++I)
      for (const auto &[Name, Value] : Config.Written)
        if (Name == HandlerOptionNames[I] && !Value.empty()) {
          std::string Error;
          RegexList::parse(Value, Error);
          if (Error.empty())
            Joined[I] += (Joined[I].empty() ? "" : ";") + Value;
        }
  }
  std::string Unused;
  return {RegexList::parse(Joined[0], Unused),
          RegexList::parse(Joined[1], Unused),
          RegexList::parse(Joined[2], Unused)};
}

} // namespace stateless

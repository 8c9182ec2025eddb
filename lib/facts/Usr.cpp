//===--- Usr.cpp - how the facts name declarations and places --------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Usr.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/FileManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace stateless {
namespace {

std::string absolutePath(llvm::StringRef Name, const SourceManager &SM) {
  llvm::SmallString<256> Path(Name);
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

} // namespace

llvm::StringRef UsrCache::of(const Decl *D) {
  auto [It, Inserted] = Known.try_emplace(D);
  if (!Inserted || !D)
    return It->second;
  const auto *Method = dyn_cast<CXXMethodDecl>(D);
  if (Method && Method->getParent()->isLambda()) {
    // Lambdas have no name of their own: where they are written is the same
    // in every unit that includes them.
    FileLocation At = Where.of(Method->getParent()->getLocation());
    if (!At.isValid())
      return It->second;
    std::string Name = "lambda@" + At.File + ":" + std::to_string(At.Line) +
                       ":" + std::to_string(At.Column);
    // Each instance of a generic lambda is a function of its own.
    if (const TemplateArgumentList *Args =
            Method->getTemplateSpecializationArgs()) {
      llvm::raw_string_ostream OS(Name);
      const PrintingPolicy Policy(Method->getASTContext().getLangOpts());
      OS << "<";
      for (const TemplateArgument &Arg : Args->asArray()) {
        Arg.print(Policy, OS, /*IncludeType=*/true);
        OS << ";";
      }
      OS << ">";
    }
    It->second = Saver.save(Name);
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

FileLocation Places::of(SourceLocation Loc) {
  FileLocation Out;
  if (Loc.isInvalid())
    return Out;
  Loc = SM.getFileLoc(Loc);
  const FileID ID = SM.getFileID(Loc);
  auto [Path, Inserted] = Paths.try_emplace(ID);
  if (Inserted)
    if (OptionalFileEntryRef File = SM.getFileEntryRefForID(ID))
      Path->second = absolutePath(File->getName(), SM);
  if (Path->second.empty())
    return Out;
  Out.File = Path->second;
  Out.Line = SM.getSpellingLineNumber(Loc);
  Out.Column = SM.getSpellingColumnNumber(Loc);
  return Out;
}

SourceLocation toSourceLocation(const FileLocation &Where, SourceManager &SM,
                                bool OpenFiles) {
  OptionalFileEntryRef File =
      SM.getFileManager().getOptionalFileRef(Where.File);
  if (!File)
    return {};
  FileID ID = SM.translateFile(*File);
  if (ID.isInvalid() && OpenFiles)
    ID = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
  if (ID.isInvalid())
    return {};
  return SM.translateLineCol(ID, Where.Line, Where.Column);
}

} // namespace stateless

//===--- Borrowing.cpp - members that refer to objects others own ----------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "Borrowing.h"
#include "KnownTypes.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace stateless {
namespace {

/// The parameter of \p Constructor that \p Field is initialised from.
const ParmVarDecl *initialisingParameter(const FieldDecl &Field,
                                         const CXXConstructorDecl &Constructor) {
  for (const CXXCtorInitializer *Init : Constructor.inits()) {
    if (Init->getMember() != &Field || !Init->getInit())
      continue;
    const auto *Ref = dyn_cast<DeclRefExpr>(passedFrom(Init->getInit()));
    return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  }
  return nullptr;
}

} // namespace

bool refersToObject(QualType T) {
  if (T->isReferenceType() || T->isPointerType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  static constexpr llvm::StringLiteral SharedPointers[] = {
      "std::shared_ptr", "std::weak_ptr", "boost::shared_ptr",
      "boost::weak_ptr"};
  return RD && listed(qualifiedName(*templateOrSelf(RD)), SharedPointers);
}

const Expr *passedFrom(const Expr *E) {
  for (;;) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1 &&
        !isa<CXXTemporaryObjectExpr>(Construct)) {
      E = Construct->getArg(0);
    } else if (const auto *Call = dyn_cast<CallExpr>(E);
               Call && Call->getNumArgs() == 1 && Call->getDirectCallee() &&
               isForwardingCast(*Call->getDirectCallee())) {
      E = Call->getArg(0);
    } else if (const auto *AddressOf = dyn_cast<UnaryOperator>(E);
               AddressOf && AddressOf->getOpcode() == UO_AddrOf) {
      E = AddressOf->getSubExpr();
    } else {
      return E;
    }
  }
}

llvm::SmallVector<std::pair<unsigned, const FieldDecl *>, 2>
borrowedMembers(const CXXConstructorDecl &Constructor) {
  llvm::SmallVector<std::pair<unsigned, const FieldDecl *>, 2> Result;
  for (const FieldDecl *Field : Constructor.getParent()->fields())
    if (refersToObject(Field->getType()))
      if (const ParmVarDecl *Param = initialisingParameter(*Field, Constructor))
        Result.push_back({Param->getFunctionScopeIndex(), Field});
  return Result;
}

const FieldDecl *handedOnMember(const Expr &Arg) {
  const auto *Member = dyn_cast<MemberExpr>(passedFrom(&Arg));
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
  return Field && refersToObject(Field->getType()) ? Field : nullptr;
}

} // namespace stateless

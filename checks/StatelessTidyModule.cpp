//===--- StatelessTidyModule.cpp - the stateless-* checks ------------------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "HandlerMemberStateCheck.h"
#include "InstanceTimerCheck.h"
#include "LocalFsWriteCheck.h"
#include "MutableGlobalCheck.h"
#include "StaticSessionMapCheck.h"

#include "TidyCompat.h"

namespace stateless {

class StatelessTidyModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<HandlerMemberStateCheck>(
        "stateless-handler-member-state");
    Factories.registerCheck<InstanceTimerCheck>("stateless-instance-timer");
    Factories.registerCheck<LocalFsWriteCheck>("stateless-local-fs-write");
    Factories.registerCheck<MutableGlobalCheck>("stateless-mutable-global");
    Factories.registerCheck<StaticSessionMapCheck>("stateless-static-session-map");
  }
};

static clang::tidy::ClangTidyModuleRegistry::Add<StatelessTidyModule>
    Registration("stateless-module", "Checks for hidden state in C++ services.");

} // namespace stateless

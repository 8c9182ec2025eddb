//===--- RequestEffects.h - local files, timers and jobs of the instance ---===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The calls with an effect that outlives the request that the live unit
// reports: local file writes in request code, timers and threads armed in
// request code, scheduled jobs of the instance wherever they are armed
// (a periodic timer, an Asio timer that its own completion handler arms
// again, a thread whose entry loops with a sleep), and in-process session
// stores. A deadline that a per-connection object arms to close its
// connection is no job.
//
//===----------------------------------------------------------------------===//

#ifndef STATELESS_ANALYSIS_REQUESTEFFECTS_H
#define STATELESS_ANALYSIS_REQUESTEFFECTS_H

#include "HandlerModel.h"

#include <string>
#include <vector>

namespace stateless {

struct EffectFinding {
  const index::Effect *Effect = nullptr;
  FunctionRef In = nullptr;
  /// A scheduled job of the instance, as opposed to a one-off job.
  bool Recurring = false;
  /// What the call does, as the diagnostic says it.
  std::string Action;
  /// For a local database opened outside request code: a write to it that
  /// request code makes, and the function that makes it.
  const index::Effect *WrittenBy = nullptr;
  FunctionRef WrittenIn = nullptr;
};

/// The effects of kind \p Kind (a file write or a timer) in the code the
/// live unit reports from: what handlers reach or, with \p AllCode, all code
/// but start-up code; scheduled jobs anywhere. One per site and per timer
/// object, in the order of their sites. A local database (a SQLite file)
/// that code outside request code opens is a file write too when request
/// code writes to a database of its kind.
std::vector<EffectFinding> findEffects(const HandlerModel &Handlers,
                                       EffectKind Kind, bool AllCode);

/// The session stores the live unit's main file configures, wherever it
/// does (they are configured at start-up).
std::vector<EffectFinding> findSessionStores(const HandlerModel &Handlers);

} // namespace stateless

#endif

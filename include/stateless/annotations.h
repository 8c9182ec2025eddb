/*
 * stateless/annotations.h - mark legitimate state and extra handler roots for
 * the stateless-* clang-tidy checks.
 *
 * Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
 * Exceptions. See LICENSE.TXT for license information.
 * SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
 *
 *   #include <stateless/annotations.h>
 *
 *   STATELESS_ALLOW(cache, "profiles, re-read from the database on a miss")
 *   static std::unordered_map<std::string, Profile> profile_cache;
 *
 *   STATELESS_HANDLER void on_message(const Message &m);
 *
 * `kind` is a bare word: cache, pool, metrics, dedup, ratelimit, config, sync
 * or other. The reason is a non-empty string literal saying why losing the
 * state costs performance, not correctness. The checks report an unknown kind
 * or a missing reason instead of accepting it.
 *
 * Under clang the macros expand to [[clang::annotate(...)]] attributes; under
 * other compilers they expand to nothing, so annotated code builds unchanged
 * with GCC and MSVC.
 */
#ifndef STATELESS_ANNOTATIONS_H
#define STATELESS_ANNOTATIONS_H

#if defined(__clang__) && defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::annotate)
#define STATELESS_HAS_ANNOTATE 1
#endif
#endif

#ifdef STATELESS_HAS_ANNOTATE
/* The reason is pasted after "" so that a missing one reads as empty (and is
   reported) instead of failing to compile. */
#define STATELESS_ALLOW(kind, ...)                                             \
  [[clang::annotate("stateless.allow", #kind, "" __VA_ARGS__)]]
#define STATELESS_HANDLER [[clang::annotate("stateless.handler")]]
#else
#define STATELESS_ALLOW(kind, ...)
#define STATELESS_HANDLER
#endif

#endif /* STATELESS_ANNOTATIONS_H */

//===--- HostVersionCheck.cpp - refuse to run inside another LLVM ----------===//
//
// Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
// Exceptions. See LICENSE.TXT for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
// The plugin resolves its clang and clang-tidy symbols against the clang-tidy
// that loads it. A clang-tidy of another LLVM major version would register the
// checks and then silently report nothing (or crash), so before anything else
// runs the plugin compares versions and stops with a clear error.
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <unistd.h>

namespace {

/// The LLVM major version of the host process: from LLVMGetVersion when the
/// host exports it, otherwise from the name of the loaded libLLVM.
int hostLLVMMajor() {
  using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
  if (auto GetVersion =
          reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"))) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    GetVersion(&Major, &Minor, &Patch);
    return static_cast<int>(Major);
  }
  int Major = 0;
  dl_iterate_phdr(
      [](dl_phdr_info *Info, size_t, void *Result) {
        // libLLVM-14.so.1, libLLVM-16.so, libLLVM.so.22.1
        const char *Name = Info->dlpi_name ? strstr(Info->dlpi_name, "libLLVM") : nullptr;
        if (!Name)
          return 0;
        Name += strlen("libLLVM");
        if (*Name == '-')
          ++Name;
        else if (strncmp(Name, ".so.", 4) == 0)
          Name += 4;
        *static_cast<int *>(Result) = static_cast<int>(strtol(Name, nullptr, 10));
        return *static_cast<int *>(Result) ? 1 : 0;
      },
      &Major);
  return Major;
}

__attribute__((constructor(101))) void refuseForeignHost() {
  int Host = hostLLVMMajor();
  if (Host == STATELESS_LLVM_MAJOR)
    return;
  Dl_info Self{};
  dladdr(reinterpret_cast<void *>(&refuseForeignHost), &Self);
  const char *Plugin = Self.dli_fname ? Self.dli_fname : "libStatelessTidy.so";
  if (Host == 0) {
    fprintf(stderr,
            "warning: %s: cannot tell which LLVM version loaded this plugin; it "
            "was built for LLVM %d and needs clang-tidy-%d\n",
            Plugin, STATELESS_LLVM_MAJOR, STATELESS_LLVM_MAJOR);
    return;
  }
  fprintf(stderr,
          "error: %s (stateless-tidy " STATELESS_TIDY_VERSION ") was built for "
          "LLVM %d but is loaded by a clang-tidy of LLVM %d; run it with "
          "clang-tidy-%d, or rebuild stateless-tidy with "
          "-DLLVM_VERSION_MAJOR=%d\n",
          Plugin, STATELESS_LLVM_MAJOR, Host, STATELESS_LLVM_MAJOR, Host);
  fflush(stderr);
  _exit(1);
}

} // namespace

//===--- StatelessClangdMain.cpp - clangd with the stateless-* checks ------===//
//
// clangd cannot load clang-tidy plugins, so this is the clangd of the LLVM it
// is built against with the stateless-* checks linked in. Point the editor's
// clangd path at it.
//
//===----------------------------------------------------------------------===//

#include "ResourceDir.h"

// Declared in clangd's tool/ClangdMain.h, which LLVM does not install.
namespace clang::clangd {
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

int main(int Argc, char **Argv) {
  std::string Storage;
  std::vector<const char *> Args = stateless::withResourceDir(
      Argc, const_cast<const char **>(Argv), "--resource-dir=", Storage);
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   const_cast<char **>(Args.data()));
}

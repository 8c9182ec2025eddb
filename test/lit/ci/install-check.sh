#!/usr/bin/env bash
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# Installs a build into a temporary prefix outside the source and build
# trees and uses it as a user would: the installed stateless-tidy, the
# installed plugin with the clang-tidy of its LLVM version, a CMake project
# that finds the package, and the .deb that cpack makes. Prints what
# install.test checks.
#
#   install-check.sh BUILD_DIR CLANG_TIDY
set -euo pipefail
build=$(cd "$1" && pwd) clang_tidy=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/stateless-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

cmake --install "$build" --prefix "$prefix" >/dev/null
cp -r "$here/Inputs/consumer" "$work/consumer"
cd "$work/consumer"

echo "== installed stateless-tidy"
"$prefix/bin/stateless-tidy" --checks='-*,stateless-*' service.cpp -- -std=c++17 -I"$prefix/include" 2>&1
echo "== installed plugin"
"$clang_tidy" --load="$prefix/lib/libStatelessTidy.so" --checks='-*,stateless-*' service.cpp -- -std=c++17 -I"$prefix/include" 2>&1

echo "== installed stateless-clangd"
if [ -x "$prefix/bin/stateless-clangd" ]; then
  printf "Checks: '-*,stateless-*'\n" > .clang-tidy
  printf 'Diagnostics:\n  ClangTidy:\n    FastCheckFilter: Loose\nCompileFlags:\n  Add: [-std=c++17, -I%s]\n' \
    "$prefix/include" > .clangd
  "$prefix/bin/stateless-clangd" --check=service.cpp --check-warnings --check-locations=false 2>&1
  rm .clang-tidy .clangd
else
  echo "no stateless-clangd before LLVM 19"
fi

echo "== installed SARIF converter"
"$prefix/bin/stateless-tidy" --checks='-*,stateless-*' --export-fixes=fixes.yaml service.cpp -- \
  -std=c++17 -I"$prefix/include" >/dev/null 2>&1 || true
"$prefix/bin/stateless-sarif.py" --base-dir . fixes.yaml | python3 -c '
import json, sys
run = json.load(sys.stdin)["runs"][0]
print("tool", run["tool"]["driver"]["name"], run["tool"]["driver"]["version"])
for rule in run["tool"]["driver"]["rules"]:
    if rule["id"] == "stateless-mutable-global":
        print("rule", rule["id"], rule["helpUri"])
for result in run["results"]:
    print("result", result["ruleId"], result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])'
rm fixes.yaml

echo "== installed report"
# Beside the installed stateless-tidy, with its module in share/.
printf -- '-std=c++17\n-I%s\n' "$prefix/include" > compile_flags.txt
"$prefix/bin/stateless-report" -p . -o report 2>&1
grep '^| `' report/inventory.md
rm -r compile_flags.txt report

echo "== consumer project"
cmake -S . -B build -G Ninja -DCMAKE_PREFIX_PATH="$prefix" | grep 'stateless-tidy'
cmake --build build 2>&1

echo "== deb"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" >/dev/null
deb=$(ls "$work"/deb/*.deb)
dpkg-deb -f "$deb" Package Version Depends
echo "== deb control archive"
dpkg-deb --ctrl-tarfile "$deb" | tar -t | sort
echo "== deb files"
dpkg-deb -c "$deb" | awk '{print $6}'
echo "== deb copyright"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/stateless-tidy/copyright | grep '^License:'

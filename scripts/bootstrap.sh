#!/usr/bin/env bash
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# Installs what building (and, with --tests, testing) stateless-tidy needs on
# Debian or Ubuntu, then configures and builds it.
#
#   scripts/bootstrap.sh [--tests] [--llvm NN] [--build-dir DIR] [--sanitize]
#
# NN defaults to the newest LLVM between 16 and 22 that apt can install (22 on
# Debian 12 with bookworm-security). --sanitize builds with AddressSanitizer and
# UndefinedBehaviorSanitizer (default directory build-llvmNN-asan). Prints the
# build directory on the last line.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
tests=0
llvm=${LLVM_VERSION:-}
build_dir=""
sanitize=OFF
while [ $# -gt 0 ]; do
  case "$1" in
    --tests) tests=1 ;;
    --llvm) llvm=$2; shift ;;
    --build-dir) build_dir=$2; shift ;;
    --sanitize) sanitize=ON ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bootstrap.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "bootstrap.sh: run as root or install sudo" >&2; exit 1; }
  sudo=sudo
fi

# apt and dpkg write hundreds of progress lines: they go to a log, the
# terminal gets one line per step, and the log's path when a step fails.
apt_log=""
apt_step() { # apt_step DESCRIPTION APT-GET-ARGUMENT...
  local what=$1
  shift
  [ -n "$apt_log" ] || apt_log=$(mktemp --suffix=.log "${TMPDIR:-/tmp}/stateless-tidy-apt.XXXXXX")
  echo "bootstrap.sh: $what" >&2
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get "$@" </dev/null >>"$apt_log" 2>&1; then
    grep '^E:' "$apt_log" >&2 || true
    echo "bootstrap.sh: apt-get $1 failed; apt's full log: $apt_log" >&2
    exit 1
  fi
}
apt_updated=0
apt_update() {
  [ $apt_updated = 1 ] || apt_step "updating the package lists" update
  apt_updated=1
}
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_update
  apt_step "installing ${missing[*]}" install -y --no-install-recommends "${missing[@]}"
}

newest_llvm() {
  for candidate in 22 21 20 19 18 17 16; do
    if dpkg -s "libclang-$candidate-dev" >/dev/null 2>&1 ||
       apt-cache show "libclang-$candidate-dev" >/dev/null 2>&1; then
      echo "$candidate"
      return
    fi
  done
}
if [ -z "$llvm" ]; then
  llvm=$(newest_llvm)
  if [ -z "$llvm" ] && [ $apt_updated = 0 ]; then
    apt_update
    llvm=$(newest_llvm)
  fi
  [ -n "$llvm" ] || { echo "bootstrap.sh: apt offers no libclang-NN-dev between 16 and 22" >&2; exit 1; }
fi

packages=(cmake ninja-build g++ python3 ccache
  "libclang-$llvm-dev" "llvm-$llvm-dev" "libclang-common-$llvm-dev"
  "clang-tidy-$llvm" "clang-$llvm" "llvm-$llvm-tools")
if [ "$llvm" -ge 19 ]; then
  # stateless-clangd: clangd's libraries, which use gRPC for the remote index.
  packages+=("clangd-$llvm" libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc)
fi
# The example service and the tests use real framework headers.
packages+=(libcpp-httplib-dev)
if [ $tests = 1 ]; then
  # Framework and library headers the tests compile against.
  packages+=(libboost-dev libabsl-dev libpistache-dev libcpprest-dev
    librestinio-dev libasio-dev libwebsocketpp-dev libpoco-dev qt6-base-dev
    qt6-httpserver-dev libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc
    libsqlite3-dev libuv1-dev libevent-dev libgtest-dev
    libsqlitecpp-dev libspdlog-dev libboost-log-dev libopencv-core-dev
    libopencv-imgcodecs-dev libopencv-videoio-dev libjsoncpp-dev
    libhiredis-dev libsoci-dev libmicrohttpd-dev libcivetweb-dev libleveldb-dev
    liblmdb-dev)
  # The pre-commit hooks are tested with the real pre-commit.
  packages+=(pre-commit)
  # bench/run.py counts instructions with callgrind.
  packages+=(valgrind)
  # A clang-tidy of another major version, for the plugin's version guard.
  if [ "$llvm" = 19 ]; then packages+=(clang-tidy-22); else packages+=(clang-tidy-19); fi
  # The CI tests: a git repository, .deb packaging, action.yml, SARIF schema validation.
  packages+=(git dpkg-dev python3-yaml)
  # The Bazel aspect's test, offline with Debian's Bazel 4 (where apt has it).
  if apt-cache show bazel-bootstrap bazel-platforms >/dev/null 2>&1; then
    packages+=(bazel-bootstrap bazel-platforms)
  fi
  # The state inventory's page is opened in a real browser.
  packages+=(chromium)
  command -v npm >/dev/null || packages+=(npm)
fi
apt_install "${packages[@]}"

suffix=""
[ $sanitize = ON ] && suffix=-asan
build_dir=${build_dir:-$root/build-llvm$llvm$suffix}
cmake -S "$root" -B "$build_dir" -G Ninja -DLLVM_VERSION_MAJOR="$llvm" \
  -DSTATELESS_SANITIZE=$sanitize >&2
cmake --build "$build_dir" >&2
if [ $tests = 1 ]; then
  # The SARIF tests' validators, into the build directory (without them those
  # tests are skipped): ajv with the SARIF 2.1.0 schema (shipped in
  # @microsoft/jest-sarif), and the SARIF SDK's multitool.
  sarif_validators=(@microsoft/jest-sarif@1.0.0-beta.0 @microsoft/sarif-multitool@5.7.0)
  [ -f "$build_dir/npm/node_modules/@microsoft/jest-sarif/package.json" ] &&
    [ -f "$build_dir/npm/node_modules/@microsoft/sarif-multitool/package.json" ] ||
    npm install --prefix "$build_dir/npm" --no-audit --no-fund --loglevel=error "${sarif_validators[@]}" >&2 ||
    echo "bootstrap.sh: npm could not install ${sarif_validators[*]}; the SARIF validation tests are skipped" >&2
  # The report's browser test drives Debian's chromium with playwright-core
  # (no browser download).
  [ -f "$build_dir/npm/node_modules/playwright-core/package.json" ] ||
    npm install --prefix "$build_dir/npm" --no-audit --no-fund --loglevel=error playwright-core@1.65.1 >&2 ||
    echo "bootstrap.sh: npm could not install playwright-core; the report's browser test is skipped" >&2
fi
echo "$build_dir"

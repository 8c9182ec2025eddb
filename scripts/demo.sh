#!/usr/bin/env bash
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# Installs what is missing, builds stateless-tidy and runs its checks on the
# bundled example services: examples/service/main.cpp, one file; then
# examples/split-service, the same service split into files, configured with
# CMake, indexed with stateless-index and checked unit by unit, so that each
# finding shows the writes and handlers in the other files. For each, it
# writes the state inventory (stateless-report, docs/report.md) and prints
# where it is and its verdict.
#
#   scripts/demo.sh [--llvm NN]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$("$root/scripts/bootstrap.sh" "$@" | tail -n 1)
# The checks report what they find as warnings; that is the demo, not a failure.
cd "$root/examples/service"
echo "$ stateless-tidy examples/service/main.cpp" >&2
"$build_dir/bin/stateless-tidy" main.cpp || true
reports=$build_dir/reports
echo >&2
echo "$ stateless-report -p examples/service -o $reports/service" >&2
service_verdict=$("$build_dir/bin/stateless-report" -p . -o "$reports/service" --title examples/service)

split=$root/examples/split-service
split_build=$build_dir/examples/split-service
echo >&2
echo "$ cmake -S examples/split-service -B $split_build" >&2
cmake -S "$split" -B "$split_build" -G Ninja \
  -DSTATELESS_INCLUDE_DIR="$root/include" > /dev/null
echo "$ stateless-index -p $split_build" >&2
"$build_dir/bin/stateless-index" -p "$split_build"
cd "$split"
echo "$ stateless-tidy -p $split_build --quiet src/*.cpp" >&2
"$build_dir/bin/stateless-tidy" -p "$split_build" --quiet src/*.cpp || true
echo >&2
echo "$ stateless-report -p $split_build -o $reports/split-service" >&2
split_verdict=$("$build_dir/bin/stateless-report" -p "$split_build" -o "$reports/split-service" \
  --title examples/split-service)

echo
echo "State inventory of examples/service: $reports/service/index.html"
echo "  $service_verdict"
echo "State inventory of examples/split-service: $reports/split-service/index.html"
echo "  $split_verdict"

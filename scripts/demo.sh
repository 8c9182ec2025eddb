#!/usr/bin/env bash
# Installs what is missing, builds stateless-tidy and runs its checks on the
# bundled example service (examples/service/main.cpp).
#
#   scripts/demo.sh [--llvm NN]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$("$root/scripts/bootstrap.sh" "$@" | tail -n 1)
cd "$root/examples/service"
echo "$ stateless-tidy examples/service/main.cpp" >&2
# The checks report what they find as warnings; that is the demo, not a failure.
"$build_dir/bin/stateless-tidy" main.cpp || true

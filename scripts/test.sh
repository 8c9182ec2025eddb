#!/usr/bin/env bash
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# The whole test suite: installs what is missing, builds, runs every test and
# ends with "N passed, N failed".
#
#   scripts/test.sh [--llvm NN] [--sanitize]
#
# --sanitize builds with AddressSanitizer and UndefinedBehaviorSanitizer and
# runs the torture run (test/torture/run.py) after the suite.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sanitize=0
for arg in "$@"; do
  [ "$arg" = --sanitize ] && sanitize=1
done
# Each stage's time, printed before the last line.
stage_times=()
stage_start=$SECONDS
end_stage() {
  stage_times+=("$1 $(( SECONDS - stage_start )) s")
  stage_start=$SECONDS
}

build_dir=$("$root/scripts/bootstrap.sh" --tests "$@" | tail -n 1) || {
  echo "0 passed, 1 failed (the build failed)"
  exit 1
}

end_stage build
lit=$(grep -m1 '^STATELESS_LIT:' "$build_dir/CMakeCache.txt" | cut -d= -f2-)
log="$build_dir/test/lit-output.txt"
python3 "$lit" -v "$build_dir/test" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
end_stage lit

# lit's summary lines read "  Passed: 22 (100.00%)" (older lit: "Passed     :").
count() {
  local n
  n=$(sed -n "s/^ *$1 *: *\([0-9]*\).*/\1/p" "$log" | head -n 1)
  echo "${n:-0}"
}
passed=$(( $(count Passed) + $(count 'Expectedly Failed') ))
failed=0
for kind in Failed Unresolved 'Timed Out' 'Unexpectedly Passed'; do
  failed=$(( failed + $(count "$kind") ))
done
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
  failed=1 # lit itself failed
fi

if [ $sanitize = 1 ]; then
  torture_log="$build_dir/torture-output.txt"
  python3 "$root/test/torture/run.py" --keep "$build_dir/torture-failures" \
    "$build_dir/bin/stateless-tidy" 2>&1 | tee "$torture_log"
  torture=$(tail -n 1 "$torture_log")
  if [[ $torture =~ ^torture:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$(( passed + BASH_REMATCH[1] ))
    failed=$(( failed + BASH_REMATCH[2] ))
  else
    failed=$(( failed + 1 )) # the torture run itself failed
  fi
  end_stage torture
fi
printf -v times '%s, ' "${stage_times[@]}"
echo "time: ${times%, }"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Reduce clang-tidy or `clangd --check --check-warnings` output to one line per
stateless-* finding, `<file name>:<line>: <message> [<check>]`, sorted, so
the artifacts' findings can be compared with diff."""

import os
import re
import sys

TIDY = re.compile(r"^(.*?):(\d+):\d+: warning: (.*) \[(stateless-[a-z-]+)\]$")
CLANGD = re.compile(r"^[EW]\[[^\]]*\] \[([^\]]*)\] Line (\d+): (.*)$")


def clangd_diagnostics(output):
    """(name, line, message) of each diagnostic `clangd --check` printed."""
    for line in output.splitlines():
        match = CLANGD.match(line)
        if match:
            yield match.group(1), int(match.group(2)), match.group(3)


def findings(output, clangd_file=None):
    """(file name, line, message, check) of every stateless-* warning."""
    if clangd_file:
        return sorted((os.path.basename(clangd_file), line, message, name)
                      for name, line, message in clangd_diagnostics(output)
                      if name.startswith("stateless-"))
    result = []
    for line in output.splitlines():
        match = TIDY.match(line)
        if match:
            path, number, message, check = match.groups()
            result.append((os.path.basename(path), int(number), message, check))
    return sorted(set(result))


def main():
    clangd_file = sys.argv[1] if len(sys.argv) > 1 else None
    for name, line, message, check in findings(sys.stdin.read(), clangd_file):
        print("%s:%d: %s [%s]" % (name, line, message, check))


if __name__ == "__main__":
    main()

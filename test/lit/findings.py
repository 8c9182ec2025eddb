#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Reduce clang-tidy or `clangd --check --check-warnings` output to one line per
stateless-* finding, `<file name>:<line>: <message> [<check>]`, sorted, so
the artifacts' findings can be compared with diff.

With --notes (clang-tidy output only), each finding is followed by its notes,
`  <file name>:<line>:<column>: <message>`, in their order.

    findings.py --same A B

fails, with a diff, unless the clang-tidy outputs in the files A and B hold
the same findings with the same notes, and at least one."""

import difflib

import os
import re
import sys

TIDY = re.compile(r"^(.*?):(\d+):\d+: warning: (.*) \[(stateless-[a-z-]+)\]$")
NOTE = re.compile(r"^(.*?):(\d+):(\d+): note: (.*)$")
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


def findings_with_notes(output):
    """Each stateless-* warning with its notes, as lines; sorted."""
    blocks, current = set(), None
    for line in output.splitlines():
        match, note = TIDY.match(line), NOTE.match(line)
        if match:
            path, number, message, check = match.groups()
            current = ["%s:%s: %s [%s]" % (os.path.basename(path), number, message, check)]
            blocks.add(tuple(current))
        elif note and current:
            blocks.discard(tuple(current))
            path, number, column, message = note.groups()
            current.append("  %s:%s:%s: %s" % (os.path.basename(path), number, column, message))
            blocks.add(tuple(current))
        elif re.match(r"^\S.*:\d+:\d+: (warning|error): ", line):
            current = None  # not a stateless-* finding: its notes are not ours
    return sorted(blocks)


def same(first, second):
    reduced = []
    for name in (first, second):
        with open(name, encoding="utf-8") as f:
            reduced.append(["\n".join(block) + "\n" for block in findings_with_notes(f.read())])
    if reduced[0] != reduced[1]:
        sys.stdout.writelines(difflib.unified_diff(reduced[0], reduced[1], first, second))
        sys.exit(1)
    if not reduced[0]:
        sys.exit("findings.py: no stateless-* finding in %s nor %s" % (first, second))


def main():
    if sys.argv[1:2] == ["--same"] and len(sys.argv) == 4:
        same(sys.argv[2], sys.argv[3])
        return
    if sys.argv[1:] == ["--notes"]:
        for block in findings_with_notes(sys.stdin.read()):
            print("\n".join(block))
        return
    clangd_file = sys.argv[1] if len(sys.argv) > 1 else None
    for name, line, message, check in findings(sys.stdin.read(), clangd_file):
        print("%s:%d: %s [%s]" % (name, line, message, check))


if __name__ == "__main__":
    main()

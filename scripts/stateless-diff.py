#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Run stateless-tidy on the lines a change touches, in the style of
clang-tidy-diff.py, for code bases too large (or too old) to clean up first.

    git diff -U0 origin/main... | stateless-diff.py -p build
    git diff -U0 origin/main... | stateless-diff.py -p build --whole-files \\
        --export-fixes fixes.yaml -- --checks='-*,stateless-*'

Reads a unified diff on standard input; runs from the directory the diff's
paths are relative to (the repository root). The changed source files are
analysed with --line-filter naming the added lines, so a diagnostic is shown
only when its own line (not one of its notes) was added. The stateless-*
declaration checks report at the declaration, with the write as a note:
a new write to an old global is not on a changed line. --whole-files drops
the line filter and reports everything in the changed files.

Arguments after `--` go to clang-tidy before the file names.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

PROG = "stateless-diff.py"
SOURCES = r".*\.(c|cc|cpp|cxx|c\+\+|m|mm)$"
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
# What clang-tidy's -p accepts.
DATABASES = ("compile_commands.json", "compile_flags.txt")
EMPTY_FIXES = "---\nMainSourceFile:  ''\nDiagnostics:     []\n...\n"


def fail(message):
    sys.stderr.write("%s: error: %s\n" % (PROG, message))
    sys.exit(2)


def changed_lines(diff, strip):
    """{path: [[first, last], ...]} of the lines the diff adds."""
    changes = {}
    path = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:].split("\t")[0].strip()
            parts = name.split("/")
            path = "/".join(parts[strip:]) if name != "/dev/null" else None
            continue
        match = HUNK.match(line)
        if match and path:
            first, count = int(match.group(1)), int(match.group(2) or 1)
            if count:
                changes.setdefault(path, []).append([first, first + count - 1])
    return changes


def main():
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    parser.add_argument("-p", "--build-dir",
                        help="directory of compile_commands.json (or compile_flags.txt)")
    parser.add_argument("--strip", type=int, default=1,
                        help="path components to strip from the diff's names (default: 1, for a/ b/)")
    parser.add_argument("--sources", default=SOURCES,
                        help="regular expression of the files to analyse (default: C and C++ sources)")
    parser.add_argument("--clang-tidy-binary", default="stateless-tidy",
                        help="stateless-tidy, or clang-tidy-NN with --load=libStatelessTidy.so "
                        "after --")
    parser.add_argument("--whole-files", action="store_true",
                        help="report everything in the changed files, not only on changed lines")
    parser.add_argument("--export-fixes", help="write the diagnostics as YAML, for stateless-sarif.py")
    parser.add_argument("tidy_args", nargs="*", help="arguments for clang-tidy, after --")
    args = parser.parse_args()

    try:
        sources_re = re.compile(args.sources)
    except re.error as e:
        fail("--sources is not a valid regular expression: %s" % e)
    tidy = shutil.which(args.clang_tidy_binary)
    if not tidy:
        fail("cannot run '%s': not found (give --clang-tidy-binary)" % args.clang_tidy_binary)
    # clang-tidy itself would only warn, and analyse without the project's flags.
    if args.build_dir and not any(os.path.isfile(os.path.join(args.build_dir, name))
                                  for name in DATABASES):
        fail("-p %s holds no %s: give the build directory of the project"
             % (args.build_dir, " or ".join(DATABASES)))

    changes = changed_lines(sys.stdin.read(), args.strip)
    files = sorted(f for f in changes if sources_re.match(f) and os.path.isfile(f))
    if not files:
        sys.stderr.write("%s: no changed source files\n" % PROG)
        if args.export_fixes:
            with open(args.export_fixes, "w") as f:
                f.write(EMPTY_FIXES)
        return 0

    command = [tidy] + args.tidy_args
    if args.build_dir:
        command.append("-p=" + args.build_dir)
    if args.export_fixes:
        command.append("--export-fixes=" + args.export_fixes)
    if not args.whole_files:
        # Headers too: their diagnostics show when a changed source includes them.
        line_filter = [{"name": name, "lines": lines} for name, lines in sorted(changes.items())]
        command.append("--line-filter=" + json.dumps(line_filter, separators=(",", ":")))
    sys.stdout.flush()
    try:
        return subprocess.call(command + files)
    except OSError as e:
        fail("cannot run %s: %s" % (tidy, e.strerror))


if __name__ == "__main__":
    sys.exit(main())

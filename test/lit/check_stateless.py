#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Run one stateless-* check on a test file through every shipped artifact.

In the spirit of clang-tidy's check_clang_tidy.py: the expected diagnostics
are written in the test file itself,

    int hits;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: global variable 'hits' ...
    // CHECK-NOTES: :[[@LINE+2]]:3: note: 'hits' is modified here

and any diagnostic the file does not expect fails the test. CHECK-MESSAGES
lines are matched against warnings and errors only, CHECK-NOTES lines against
everything including notes.

The file is run through each artifact in turn:
  plugin  clang-tidy-NN --load=libStatelessTidy.so (after proving the plugin
          registered the check)
  tidy    stateless-tidy (the same proof)
  clangd  stateless-clangd --check=FILE, which prints the line but not the
          column of each warning, no notes and nothing about other files:
          there, columns are not compared and those expectations are skipped.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys

from findings import clangd_diagnostics

CHECK_LINE = re.compile(r"//\s*CHECK-[A-Z0-9-]+:[^\r\n]*")
LOCATION_COLUMN = re.compile(r"(:(?:\d+|\[\[[^\]]*\]\])):\d+: (warning|error|note):")


def fail(message):
    sys.stderr.write("check_stateless.py: %s\n" % message)
    sys.exit(1)


def run(command, cwd):
    proc = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    return proc.returncode, proc.stdout


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def clang_tidy_config(args):
    """The .clang-tidy every artifact reads from the test directory."""
    lines = ["Checks: '-*,%s'" % ",".join(args.checks),
             "HeaderFilterRegex: '%s'" % args.header_filter.replace("'", "''")]
    if args.check_option:
        lines.append("CheckOptions:")
        for option in args.check_option:
            key, _, value = option.partition("=")
            if "." not in key:
                key = "%s.%s" % (args.checks[0], key)
            lines.append("  %s: '%s'" % (key, value.replace("'", "''")))
    return "\n".join(lines) + "\n"


def tidy_base(args, artifact):
    if artifact == "plugin":
        return [args.clang_tidy, "--load=" + args.plugin]
    return [args.stateless_tidy]


def prove_registered(args, artifact, workdir):
    """A plugin that fails to load is only a warning to clang-tidy: make sure
    the check under test is really there before trusting a clean run."""
    code, output = run(tidy_base(args, artifact) + ["--list-checks"], workdir)
    for check in args.checks:
        if code != 0 or not re.search(r"^\s*%s$" % re.escape(check), output, re.M):
            fail("%s does not provide %s:\n%s" % (artifact, check, output))


def clangd_output(args, workdir, source):
    """stateless-clangd --check, turned into clang-tidy's output format."""
    write(os.path.join(workdir, ".clangd"),
          "Diagnostics:\n  ClangTidy:\n    FastCheckFilter: Loose\n")
    write(os.path.join(workdir, "compile_commands.json"), json.dumps([{
        "directory": workdir, "file": source,
        "arguments": ["clang++"] + args.compiler_args + [source]}]))
    code, output = run([args.stateless_clangd, "--check=" + source,
                        "--check-warnings", "--check-locations=false",
                        "--log=error"], workdir)
    diagnostics = []
    for name, number, message in clangd_diagnostics(output):
        if name.startswith("stateless-"):
            diagnostics.append((number, "%s:%d:0: warning: %s [%s]" % (source, number, message, name)))
        elif name.startswith(("err_", "fatal_")) or "error" in name:
            diagnostics.append((number, "%s:%d:0: error: %s" % (source, number, message)))
    diagnostics.sort(key=lambda d: d[0])
    return code, "\n".join(text for _, text in diagnostics) + "\n", output


def clangd_expectations(text, prefixes):
    """The test file as stateless-clangd can be held to it: columns are not
    compared, notes are dropped, warnings written as notes become messages,
    and diagnostics in other files are dropped (clangd shows the main file's),
    as are compile errors (clangd prints them without their severity)."""
    notes = [p.replace("CHECK-MESSAGES", "CHECK-NOTES") for p in prefixes]
    elsewhere = re.compile(r"//\s*CHECK-[A-Z0-9-]+:\s*[^:\s]")
    lines = []
    for line in text.splitlines():
        if elsewhere.search(line) or "[clang-diagnostic-error]" in line:
            line = ""
        for note_prefix, message_prefix in zip(notes, prefixes):
            if re.search(re.escape(note_prefix) + r"(-[A-Z]+)?:", line):
                if ": note:" in line:
                    line = ""
                else:
                    line = line.replace(note_prefix, message_prefix)
        lines.append(LOCATION_COLUMN.sub(r"\1:{{[0-9]+}}: \2:", line))
    return "\n".join(lines) + "\n"


def filecheck(args, check_file, output_file, prefixes, implicit):
    command = [args.filecheck, "-input-file=" + output_file, check_file,
               "-check-prefixes=" + ",".join(prefixes),
               "-implicit-check-not={{%s}}:" % implicit, "--dump-input=fail"]
    code, output = run(command, None)
    return code == 0, output


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--stateless-tidy", required=True)
    parser.add_argument("--stateless-clangd", default="")
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--artifacts", default="plugin,tidy,clangd",
                        help="comma-separated subset of plugin,tidy,clangd")
    parser.add_argument("--check-suffixes", default="",
                        help="FileCheck prefix suffixes, for option variants")
    parser.add_argument("--check-option", action="append", default=[],
                        help="Option=value for the (first) check under test, "
                        "or check.Option=value (repeatable)")
    parser.add_argument("--header-filter", default="",
                        help="HeaderFilterRegex (default: none, main file only)")
    parser.add_argument("--expect-errors", action="store_true",
                        help="the input does not compile; the tool may fail")
    parser.add_argument("input")
    parser.add_argument("check", help="the check under test; several separated by commas")
    parser.add_argument("temp")
    parser.add_argument("compiler_args", nargs="*")
    args = parser.parse_args()
    args.checks = args.check.split(",")

    with open(args.input) as f:
        text = f.read()
    suffixes = [s for s in args.check_suffixes.split(",") if s] or [""]
    message_prefixes = ["CHECK-MESSAGES" + ("-" + s if s else "") for s in suffixes]
    note_prefixes = ["CHECK-NOTES" + ("-" + s if s else "") for s in suffixes]
    def uses(prefixes):
        return any(re.search(re.escape(p) + r"(-(DAG|NEXT|SAME|NOT|LABEL|EMPTY))?:", text)
                   for p in prefixes)
    has_notes = uses(note_prefixes)
    has_messages = uses(message_prefixes)

    artifacts = [a for a in args.artifacts.split(",") if a]
    if "clangd" in artifacts and not args.stateless_clangd:
        artifacts.remove("clangd")  # this LLVM ships no clangd libraries

    failures = []
    for artifact in artifacts:
        workdir = os.path.join(args.temp, artifact)
        shutil.rmtree(workdir, ignore_errors=True)
        os.makedirs(workdir)
        source = os.path.join(workdir, os.path.basename(args.input))
        # Same line numbers, none of the expectations (they would be code).
        write(source, CHECK_LINE.sub("//", text))
        write(os.path.join(workdir, ".clang-tidy"), clang_tidy_config(args))
        output_file = os.path.join(workdir, "output.txt")

        if artifact == "clangd":
            code, output, raw = clangd_output(args, workdir, source)
            check_file = os.path.join(workdir, "expected.txt")
            write(check_file, clangd_expectations(text, message_prefixes))
            checks = [(message_prefixes, "warning|error")] if has_messages or has_notes else []
        else:
            prove_registered(args, artifact, workdir)
            code, raw = run(tidy_base(args, artifact) + [source, "--"] + args.compiler_args, workdir)
            output = raw
            check_file = args.input
            checks = []
            if has_messages:
                checks.append((message_prefixes, "warning|error"))
            if has_notes:
                checks.append((note_prefixes, "note|warning|error"))

        if code != 0 and not args.expect_errors:
            failures.append("%s exited with %d:\n%s" % (artifact, code, raw))
            continue
        if not checks:
            # A file of negative cases: nothing may be reported.
            unexpected = [l for l in output.splitlines() if re.search(r": (warning|error):", l)]
            if unexpected:
                failures.append("%s reported what the test does not expect:\n%s" % (
                    artifact, "\n".join(unexpected)))
        for prefixes, implicit in checks:
            lines = output.splitlines()
            if implicit == "warning|error":
                lines = [l for l in lines if ": note:" not in l]
            write(output_file, "\n".join(lines) + "\n")
            ok, details = filecheck(args, check_file, output_file, prefixes, implicit)
            if not ok:
                failures.append("%s, %s:\n%s\n--- output ---\n%s" % (
                    artifact, ",".join(prefixes), details, raw))

    if failures:
        fail("\n\n".join(failures))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""pre-commit entry of the stateless-tidy hooks (.pre-commit-hooks.yaml,
docs/pre-commit.md): runs the stateless-* checks on the staged C and C++
source files with the project's compile_commands.json, or its
compile_flags.txt (the same flags for every file). With a
compile_commands.json it first builds or updates the project index
(stateless-index -p DIR: only the units whose files changed are parsed), so
that the checks see the whole project.

  pre-commit-stateless.py [--use-plugin] [-p DIR] [--stateless-tidy=PATH]
                          [--clang-tidy=PATH] [--plugin=PATH]
                          [--stateless-index=PATH | --no-index]
                          [CLANG-TIDY-OPTION...] FILE...

Without --use-plugin it runs stateless-tidy; with it, clang-tidy-NN
--load=libStatelessTidy.so. Other options starting with '-' go to clang-tidy.
Every problem is one line starting with the hook's id; exits 1 on findings
and on problems.
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys

# Where build systems usually put compile_commands.json, relative to the
# repository root (where pre-commit runs its hooks).
BUILD_DIRS = ("build", "build-*", "out", "cmake-build-*", ".")
# What clang-tidy's -p accepts, in the order it tries them.
DATABASE, FLAGS = "compile_commands.json", "compile_flags.txt"
STATELESS_CHECK = re.compile(r"^\s+stateless-[a-z-]+$", re.M)
# stateless-index's last line when it wrote the index.
INDEX_WRITTEN = re.compile(r"^stateless-index: \d+ of \d+ units indexed")


class Stop(Exception):
    """A problem the user must fix, said in one line."""


def run(command):
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
    except OSError as error:
        raise Stop("cannot run %s: %s" % (command[0], error.strerror))
    return proc.returncode, proc.stdout


def parse(argv):
    options = {"-p": None, "--stateless-tidy": None, "--clang-tidy": None, "--plugin": None,
               "--stateless-index": None, "--no-index": False}
    use_plugin = False
    passthrough, files = [], []
    args = iter(argv)
    for arg in args:
        name, equals, value = arg.partition("=")
        if arg == "-p":
            options["-p"] = next(args, None)
            if options["-p"] is None:
                raise Stop("-p needs the build directory that holds compile_commands.json")
        elif equals and name in options:
            options[name] = value
        elif arg == "--use-plugin":
            use_plugin = True
        elif arg == "--no-index":
            options["--no-index"] = True
        elif arg == "--":
            files.extend(args)
        elif arg.startswith("-"):
            passthrough.append(arg)
        else:
            files.append(arg)
    return options, use_plugin, passthrough, files


def executable(path, option, what):
    """PATH given with OPTION, or WHAT found on PATH."""
    found = shutil.which(path or what)
    if found:
        return found
    if path:
        raise Stop("%s=%s is not an executable file" % (option, path))
    raise Stop("%s is not on PATH: install it, or pass args: [%s=/path/to/%s]" % (
        what, option, what))


def find_plugin(path):
    if path:
        if not os.path.isfile(path):
            raise Stop("--plugin=%s does not exist" % path)
        return path
    tidy = shutil.which("stateless-tidy")
    if not tidy:
        raise Stop("no plugin: pass args: [--plugin=/path/to/libStatelessTidy.so], or put the "
                   "bin/ directory of an installed stateless-tidy on PATH")
    plugin = os.path.join(os.path.dirname(os.path.realpath(tidy)), os.pardir, "lib",
                          "libStatelessTidy.so")
    if not os.path.isfile(plugin):
        raise Stop("%s has no plugin next to it (%s): pass args: [--plugin=PATH]" % (
            tidy, os.path.normpath(plugin)))
    return os.path.normpath(plugin)


def find_clang_tidy(path, plugin):
    """--clang-tidy, or the clang-tidy on PATH whose LLVM version the plugin
    was built for (its version guard names that version when it refuses)."""
    if path:
        return executable(path, "--clang-tidy", "clang-tidy")
    names = ["clang-tidy"] + ["clang-tidy-%d" % n for n in range(30, 15, -1)]
    candidate = next(filter(None, map(shutil.which, names)), None)
    if not candidate:
        raise Stop("no clang-tidy on PATH: install the clang-tidy-NN of the LLVM version the "
                   "plugin was built for, or pass args: [--clang-tidy=PATH]")
    built_for = re.search(r"was built for LLVM (\d+)",
                          run([candidate, "--load=" + plugin, "--list-checks"])[1])
    if not built_for:
        return candidate
    wanted = shutil.which("clang-tidy-" + built_for.group(1))
    if not wanted:
        raise Stop("%s was built for LLVM %s: install clang-tidy-%s, or pass args: "
                   "[--clang-tidy=PATH]" % (plugin, built_for.group(1), built_for.group(1)))
    return wanted


def find_indexer(path, beside):
    """--stateless-index, or the stateless-index in the directory BESIDE (that
    of the stateless-tidy or plugin the hook uses), or on PATH."""
    if path:
        return executable(path, "--stateless-index", "stateless-index")
    candidate = os.path.join(beside, "stateless-index")
    if os.access(candidate, os.X_OK):
        return candidate
    if shutil.which("stateless-index"):
        return shutil.which("stateless-index")
    raise Stop("stateless-index is neither in %s nor on PATH: install it, or pass args: "
               "[--stateless-index=PATH], or [--no-index] to check each file on its own" % beside)


def update_index(indexer, build_dir):
    """Builds or updates BUILD_DIR/stateless.index, where the checks find it.
    Prints stateless-index's own lines: its summary, and the units it could not
    index (a file the database lists that is gone: the index is written without
    it, and the commit is checked all the same)."""
    code, output = run([indexer, "-p", build_dir])
    lines = [l for l in output.splitlines() if l.startswith("stateless-index:")]
    print("\n".join(lines))
    if code != 0 and not any(INDEX_WRITTEN.match(l) for l in lines):
        errors = [l for l in lines if "error:" in l] or output.splitlines() or [
            "exit status %d" % code]
        raise Stop("%s -p %s failed: %s; pass args: [--no-index] to check each file on its "
                   "own" % (indexer, build_dir, errors[0].split("error:", 1)[-1].strip()))


def find_database(build_path):
    """compile_commands.json, else compile_flags.txt: in the -p directory, or
    the newest in the usual build directories."""
    directories = [build_path] if build_path else [
        directory for pattern in BUILD_DIRS for directory in glob.glob(pattern)]
    for name in (DATABASE, FLAGS):
        found = [os.path.join(directory, name) for directory in directories
                 if os.path.isfile(os.path.join(directory, name))]
        if found:
            return os.path.normpath(max(found, key=os.path.getmtime))
    if build_path:
        raise Stop("%s holds no %s or %s: pass -p the build directory that holds "
                   "compile_commands.json" % (build_path, DATABASE, FLAGS))
    raise Stop("no %s or %s in build/, build-*/, out/, cmake-build-*/ or the repository "
               "root: configure the build with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or pass "
               "its directory with args: [-p, DIR]" % (DATABASE, FLAGS))


def database_files(database):
    """The files the database has commands for; None for compile_flags.txt,
    whose flags apply to every file."""
    if os.path.basename(database) == FLAGS:
        return None
    try:
        with open(database) as f:
            entries = json.load(f)
        if not isinstance(entries, list):
            raise ValueError("not a JSON array of compile commands")
        return {os.path.realpath(os.path.join(e["directory"], e["file"])) for e in entries}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise Stop("%s is not a readable compilation database (%s): regenerate it" % (
            database, error))


def prove_loaded(command, sample):
    """A wrong plugin path or a Checks list without ours must not pass green:
    the Checks in effect for SAMPLE must include a stateless-* check."""
    code, output = run(command + ["--list-checks", sample])
    if code == 0 and STATELESS_CHECK.search(output):
        return
    # With no check at all enabled, clang-tidy exits 1 saying just that.
    if code != 0 and "No checks enabled" not in output:
        lines = [l for l in output.splitlines() if "error" in l] or output.splitlines() or [""]
        raise Stop("%s --list-checks failed: %s" % (command[0], lines[0].strip()))
    if STATELESS_CHECK.search(run(command + ["--checks=stateless-*", "--list-checks", sample])[1]):
        raise Stop("the Checks in effect for %s enable no stateless-* check: add stateless-* to "
                   "Checks in .clang-tidy, or pass args: [--checks=stateless-*]" % sample)
    raise Stop("%s provides no stateless-* check: check the hook's --plugin, --clang-tidy or "
               "--stateless-tidy argument" % " ".join(command))


def check(hook, argv):
    options, use_plugin, passthrough, files = parse(argv)
    if use_plugin:
        plugin = find_plugin(options["--plugin"])
        command = [find_clang_tidy(options["--clang-tidy"], plugin), "--load=" + plugin]
        # The plugin is in lib/ of an install or build tree, the binaries in bin/.
        beside = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(plugin))), "bin")
    else:
        command = [executable(options["--stateless-tidy"], "--stateless-tidy", "stateless-tidy")]
        beside = os.path.dirname(os.path.realpath(command[0]))
    if not files:
        return 0
    database = find_database(options["-p"])
    listed = database_files(database)
    present = [f for f in files if listed is None or os.path.realpath(f) in listed]
    for missing in sorted(set(files) - set(present)):
        print("%s: %s is not in %s: re-run the build's configure step so that the compilation "
              "database lists it, or pass -p the build directory that does" % (
                  hook, missing, database))
    if not present:
        return 1
    build_dir = os.path.dirname(database) or "."
    command += ["-p", build_dir] + passthrough
    prove_loaded(command, present[0])
    # compile_flags.txt describes no project: there is nothing to index.
    if listed is not None and not options["--no-index"]:
        update_index(find_indexer(options["--stateless-index"], beside), build_dir)
    code, output = run(command + ["--quiet", "--warnings-as-errors=stateless-*"] + present)
    sys.stdout.write(output)
    if "[stateless-" in output:
        print("%s: hidden state found: keep it in a shared store, or mark legitimate state with "
              "STATELESS_ALLOW(kind, \"reason\")" % hook)
    elif code != 0:
        print("%s: %s exited with status %d" % (hook, command[0], code))
    return 1 if code != 0 or len(present) != len(files) else 0


def main():
    hook = "stateless-tidy-plugin" if "--use-plugin" in sys.argv else "stateless-tidy"
    try:
        sys.exit(check(hook, sys.argv[1:]))
    except Stop as stop:
        print("%s: %s" % (hook, stop))
        sys.exit(1)


if __name__ == "__main__":
    main()

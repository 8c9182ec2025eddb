#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""pre-commit entry of the stateless-tidy hooks (.pre-commit-hooks.yaml,
docs/pre-commit.md): runs the stateless-* checks on the staged C and C++
source files, each with the compile_commands.json or compile_flags.txt (the
same flags for every file) that clang-tidy and clangd find for it. With a
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

# What clang-tidy's -p accepts, in the order it tries them.
DATABASE, FLAGS = "compile_commands.json", "compile_flags.txt"
# What clangd looks for in a file's folder and in each parent, in its order;
# clang-tidy looks for the first and the last.
LOOKUP = (DATABASE, os.path.join("build", DATABASE), FLAGS)
# Where else build systems usually put compile_commands.json, relative to the
# repository root (where pre-commit runs its hooks).
BUILD_DIRS = ("build-*", "out", "cmake-build-*")
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


def newest(directories):
    """compile_commands.json, else compile_flags.txt: the newest in DIRECTORIES."""
    for name in (DATABASE, FLAGS):
        found = [os.path.join(directory, name) for directory in directories
                 if os.path.isfile(os.path.join(directory, name))]
        if found:
            return os.path.normpath(max(found, key=os.path.getmtime))
    return None


def folders(path):
    """The folder of PATH, then its parents up to the repository root: a
    database above it belongs to another project (a build tree around the
    repository, say)."""
    folder, root = os.path.dirname(os.path.abspath(path)), os.getcwd()
    while True:
        yield folder
        parent = os.path.dirname(folder)
        if folder == root or parent == folder:
            return
        folder = parent


def find_database(path):
    """The database of PATH as clang-tidy and clangd find it, else the newest
    in the usual build directories; None when there is none."""
    for folder in folders(path):
        for name in LOOKUP:
            if os.path.isfile(os.path.join(folder, name)):
                return os.path.relpath(os.path.join(folder, name))
    return newest([d for pattern in BUILD_DIRS for d in glob.glob(pattern)])


def no_database(files):
    """The one line that says where the lookup of the first of FILES went."""
    folder = os.path.relpath(os.path.dirname(os.path.abspath(files[0])))
    looked = "the repository root and its build/" if folder == "." else (
        "%s/, its parents up to the repository root and the build/ in each" % folder)
    rest = len(files) - 1
    others = " (nor for %d other file%s)" % (rest, "s" if rest > 1 else "") if rest else ""
    return ("no %s or %s for %s%s: looked in %s, then in %s/: configure the build with "
            "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, put a %s beside the sources, or pass the "
            "build directory with args: [-p, DIR]" % (
                DATABASE, FLAGS, files[0], others, looked, "/, ".join(BUILD_DIRS), FLAGS))


def databases(hook, build_path, files):
    """FILES grouped by the database each is checked with: the -p
    directory's, or each file's own. Says which files have none."""
    if build_path:
        database = newest([build_path])
        if not database:
            raise Stop("%s holds no %s or %s: pass -p the build directory that holds "
                       "compile_commands.json" % (build_path, DATABASE, FLAGS))
        return {database: files}
    groups, unfound = {}, []
    for path in files:
        database = find_database(path)
        if database:
            groups.setdefault(database, []).append(path)
        else:
            unfound.append(path)
    if unfound:
        print("%s: %s" % (hook, no_database(unfound)))
    return groups


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
    # (build directory, whether it is a compile_commands.json, files), per database.
    runs = []
    for database, group in databases(hook, options["-p"], files).items():
        listed = database_files(database)
        present = [f for f in group if listed is None or os.path.realpath(f) in listed]
        for missing in sorted(set(group) - set(present)):
            print("%s: %s is not in %s: re-run the build's configure step so that the "
                  "compilation database lists it, or pass -p the build directory that does" % (
                      hook, missing, database))
        if present:
            runs.append((os.path.dirname(database) or ".", listed is not None, present))
    if not runs:
        return 1
    prove_loaded(command + ["-p", runs[0][0]] + passthrough, runs[0][2][0])
    if not options["--no-index"]:
        # compile_flags.txt describes no project: there is nothing to index.
        for build_dir, listed, _ in runs:
            if listed:
                update_index(find_indexer(options["--stateless-index"], beside), build_dir)
    status, found = 0, False
    for build_dir, _, present in runs:
        code, output = run(command + ["-p", build_dir] + passthrough +
                           ["--quiet", "--warnings-as-errors=stateless-*"] + present)
        sys.stdout.write(output)
        found = found or "[stateless-" in output
        status = status or code
    if found:
        print("%s: hidden state found: keep it in a shared store, or mark legitimate state with "
              "STATELESS_ALLOW(kind, \"reason\")" % hook)
    elif status != 0:
        print("%s: %s exited with status %d" % (hook, command[0], status))
    checked = sum(len(present) for _, _, present in runs)
    return 1 if status != 0 or checked != len(files) else 0


def main():
    hook = "stateless-tidy-plugin" if "--use-plugin" in sys.argv else "stateless-tidy"
    try:
        sys.exit(check(hook, sys.argv[1:]))
    except Stop as stop:
        print("%s: %s" % (hook, stop))
        sys.exit(1)


if __name__ == "__main__":
    main()

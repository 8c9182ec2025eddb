#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Measures the project index on generated services of N units.

    bench/scale.py [--build-dir DIR] [--units N ...] [--jobs N] [--shards] [--keep DIR]
                   [--no-parse]

Each service (N units, default 2000) is a cpp-httplib service spread over
files as a large one is: main.cpp registers N/10 handlers, each defined in a
unit of its own (src/routes_I.cpp) and calling a store unit
(src/store_K.cpp, N/20 of them) that writes a global map; the other units
are ordinary code that includes a usual set of standard headers. Every unit
includes svc/common.h. For each N it prints:

- parse: every unit parsed once (clang++ -fsyntax-only, --jobs at a time),
  CPU seconds (all processes) and wall time;
- CI: `stateless-index -p build --findings --export-fixes` with no index
  (each unit parsed once, every finding from the index), the same, and its
  ratio to parse; the findings it prints (one per store);
- the index: bytes per unit;
- checking one unit (src/store_0.cpp) with stateless-tidy, with the index
  and without it (ProjectIndex: none): wall time (median of 3) and peak
  memory, and what the index adds;
- updates: after editing the code of one source file; after a comment in
  a store's header and in svc/common.h (which every unit includes) that
  moves no code (the units stay current); after a comment line at the top
  of svc/common.h, which moves its code: the units parsed again and the
  wall time, and for the source file the time besides parsing that unit;
- a pull request's run: the service copied to another path with the index
  (a fresh checkout with a restored cache), one source file's code edited,
  then `--findings --baseline`: the units parsed and the time;
- with --shards: one shard per unit (--shard, parsing every unit again),
  then the time to --merge them.

Long at 10000 units (each pass parses every unit); not part of CI.
docs/performance.md records a run.
"""

import argparse
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from editor import FILLER as EDITOR_FILLER  # noqa: E402

COMMON = """#pragma once
// Included by every unit of the service.
namespace svc {
constexpr int api_version = 3;
}
"""
# The editor benchmark's ordinary unit, which includes svc/common.h too.
FILLER = '#include "svc/common.h"\n\n' + EDITOR_FILLER


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def generate(root, units):
    """The service of UNITS units in ROOT; returns its source files."""
    routes, stores = max(1, units // 10), max(1, units // 20)
    write(os.path.join(root, "include/svc/common.h"), COMMON)
    write(os.path.join(root, ".clang-tidy"), "Checks: '-*,stateless-*'\n")
    sources = []
    for k in range(stores):
        write(os.path.join(root, "include/svc/store_%d.h" % k),
              '#pragma once\n#include <string>\n\nvoid put_%d(const std::string &key);\n' % k)
        write(os.path.join(root, "src/store_%d.cpp" % k),
              '#include "svc/common.h"\n#include "svc/store_%d.h"\n\n#include <map>\n\n'
              'std::map<std::string, std::string> table_%d;\n\n'
              'void put_%d(const std::string &key) { table_%d[key] = key; }\n' % (k, k, k, k))
        sources.append("src/store_%d.cpp" % k)
    declarations = []
    for i in range(routes):
        k = i % stores
        write(os.path.join(root, "src/routes_%d.cpp" % i),
              '#include "svc/common.h"\n#include "svc/store_%d.h"\n\n'
              'void handle_%d(const std::string &body) { put_%d(body); }\n' % (k, i, k))
        declarations.append("void handle_%d(const std::string &body);" % i)
        sources.append("src/routes_%d.cpp" % i)
    write(os.path.join(root, "include/svc/routes.h"),
          "#pragma once\n#include <string>\n\n" + "\n".join(declarations) + "\n")
    registrations = "".join(
        '  server.Post("/r%d", [](const httplib::Request &req, httplib::Response &) '
        '{ handle_%d(req.body); });\n' % (i, i) for i in range(routes))
    write(os.path.join(root, "src/main.cpp"),
          '#include "svc/common.h"\n#include "svc/routes.h"\n\n#include <httplib.h>\n\n'
          'int main() {\n  httplib::Server server;\n' + registrations +
          '  server.listen("0.0.0.0", 8080);\n}\n')
    sources.append("src/main.cpp")
    for n in range(units - len(sources)):
        write(os.path.join(root, "src/util_%d.cpp" % n), FILLER.format(n=n))
        sources.append("src/util_%d.cpp" % n)
    build = os.path.join(root, "build")
    os.makedirs(build, exist_ok=True)
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        f.write("[\n" + ",\n".join(
            '{"directory": "%s", "file": "%s", "arguments": ["clang++", "-std=c++17", '
            '"-I%s/include", "-c", "%s"]}' % (root, os.path.join(root, s), root, s)
            for s in sources) + "\n]\n")
    return sources


def run(command, cwd=None):
    """(wall seconds, CPU seconds of the process and its children, peak
    memory in MiB, output) of one run; fails on a failure."""
    start = time.monotonic()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit("scale.py: %s failed (%d):\n%s" % (" ".join(command), proc.returncode,
                                                    output[-3000:]))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def parse_all(clang, root, sources, jobs):
    """Wall and CPU seconds of parsing every unit once, JOBS at a time."""
    start = time.monotonic()
    cpu, pending = 0.0, list(sources)
    running = {}
    while pending or running:
        while pending and len(running) < jobs:
            source = pending.pop()
            proc = subprocess.Popen([clang, "-fsyntax-only", "-std=c++17",
                                     "-I" + os.path.join(root, "include"), source],
                                    cwd=root, stdout=subprocess.DEVNULL)
            running[proc.pid] = proc
        pid, status, usage = os.wait4(-1, 0)
        if pid in running:
            del running[pid]
            cpu += usage.ru_utime + usage.ru_stime
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit("scale.py: a generated unit does not compile")
    return time.monotonic() - start, cpu


def parsed(output):
    found = re.search(r"(\d+) of (\d+) units indexed", output)
    return int(found.group(1)) if found else -1


def measure(args, tools, units):
    work = tempfile.mkdtemp(prefix="stateless-scale-", dir=args.keep)
    root = os.path.join(work, "svc")
    sources = generate(root, units)
    build = os.path.join(root, "build")
    print("\n## %d units (%s)\n" % (units, root))

    parse_cpu = None
    if not args.no_parse:
        parse_wall, parse_cpu = parse_all(tools["clang"], root, sources, args.jobs)
        print("parse every unit once: %.1f s CPU, %.1f s wall" % (parse_cpu, parse_wall))

    index = [tools["index"], "-p", build, "--execute-concurrency=%d" % args.jobs]
    wall, cpu, rss, output = run(index + ["--findings", "--export-fixes",
                                          os.path.join(work, "fixes.yaml")])
    findings = len(re.findall(r": warning: ", output))
    print("CI, stateless-index --findings with no index: %.1f s CPU (%s parse), "
          "%.1f s wall, %.0f MiB peak; %d findings" % (
              cpu, "%.2fx" % (cpu / parse_cpu) if parse_cpu else "no", wall, rss,
              findings))

    size = os.path.getsize(os.path.join(build, "stateless.index"))
    print("index: %.1f MiB, %.0f bytes per unit" % (size / 2**20, size / units))

    store = os.path.join(root, "src/store_0.cpp")
    times = {"with": [], "without": []}
    peaks = {"with": 0, "without": 0}
    for _ in range(3):
        for mode, config in (("with", "{InheritParentConfig: true}"),
                             ("without", "{InheritParentConfig: true, "
                                         "CheckOptions: {ProjectIndex: none}}")):
            wall, _, rss, _ = run([tools["tidy"], "-p", build, "--quiet",
                                   "--config=" + config, store], cwd=root)
            times[mode].append(wall)
            peaks[mode] = max(peaks[mode], rss)
    with_s, without_s = statistics.median(times["with"]), statistics.median(times["without"])
    print("check src/store_0.cpp: %.3f s with the index, %.3f s without (+%.0f ms); "
          "%.0f MiB peak with, %.0f without (+%.0f MiB)" % (
              with_s, without_s, 1000 * (with_s - without_s), peaks["with"],
              peaks["without"], peaks["with"] - peaks["without"]))

    alone_wall, _ = parse_all(tools["clang"], root, ["src/routes_0.cpp"], 1)

    def append(path, text):
        with open(os.path.join(root, path), "a") as f:
            f.write(text)

    def prepend(path, text):
        with open(os.path.join(root, path)) as f:
            old = f.read()
        with open(os.path.join(root, path), "w") as f:
            f.write(text + old)

    # A pull request's checkout elsewhere, with the index restored from a
    # cache: one source file's code changes.
    pr_root = os.path.join(work, "pr")
    shutil.copytree(root, pr_root, symlinks=True)
    pr_build = os.path.join(pr_root, "build")
    commands = os.path.join(pr_build, "compile_commands.json")
    with open(commands) as f:
        text = f.read().replace(root + "/", pr_root + "/").replace(
            '"%s"' % root, '"%s"' % pr_root).replace("-I%s/" % root, "-I%s/" % pr_root)
    with open(commands, "w") as f:
        f.write(text)
    # A new global that the store's handlers write: one new finding.
    store = os.path.join(pr_root, "src/store_%d.cpp" % (1 % max(1, units // 20)))
    with open(store) as f:
        text = f.read()
    with open(store, "w") as f:
        f.write(re.sub(r"\{ (table_\d+)\[key\] = key; \}",
                       r"{ \1[key] = key; ++writes; }",
                       text.replace("std::map<", "int writes = 0;\nstd::map<", 1)))
    pr_index = os.path.join(pr_build, "stateless.index")
    wall, cpu, _, output = run([tools["index"], "-p", pr_build,
                                "--execute-concurrency=%d" % args.jobs, "--findings",
                                "--baseline", pr_index], cwd=pr_root)
    new = re.search(r"(\d+) new findings? in", output)
    print("pull request (a copy at another path, one source file edited): %d units "
          "parsed, %.1f s wall, %.1f s CPU; %s new findings" % (
              parsed(output), wall, cpu, new.group(1) if new else "?"))

    for what, edit in (
            ("the code of a source file (src/routes_0.cpp)",
             lambda: append("src/routes_0.cpp", "void edited_0();\n")),
            ("a comment in a store's header (svc/store_0.h), moving no code",
             lambda: append("include/svc/store_0.h", "// a comment\n")),
            ("a comment in svc/common.h, in every unit, moving no code",
             lambda: append("include/svc/common.h", "// a comment\n")),
            # Last: every unit is parsed again.
            ("a comment line at the top of svc/common.h, moving its code",
             lambda: prepend("include/svc/common.h", "// a comment\n"))):
        edit()
        wall, _, _, output = run(index)
        extra = ""
        if what.startswith("the code"):
            extra = "; %.2f s besides parsing it (%.2f s)" % (wall - alone_wall, alone_wall)
        print("update after %s: %d units parsed again, %.1f s wall%s" % (
            what, parsed(output), wall, extra))

    if args.shards:
        shards = os.path.join(work, "shards")
        run(index + ["--shard", "-o", shards])
        wall, _, rss, _ = run([tools["index"], "--merge", shards, "-o",
                               os.path.join(work, "merged.index")])
        print("merge %d shards: %.1f s wall, %.0f MiB peak" % (units, wall, rss))
    if not args.keep:
        shutil.rmtree(work)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", help="default: the newest build-llvmNN")
    parser.add_argument("--units", type=int, nargs="+", default=[2000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--shards", action="store_true",
                        help="also time --merge of one shard per unit (parses every unit again)")
    parser.add_argument("--keep", help="generate the services in this directory and keep them")
    parser.add_argument("--no-parse", action="store_true",
                        help="do not time clang++ over every unit (the CI ratio is then not given)")
    args = parser.parse_args()
    plain = [d for d in glob.glob(os.path.join(ROOT, "build-llvm*"))
             if re.fullmatch(r"build-llvm(\d+)", os.path.basename(d))]
    build = os.path.abspath(args.build_dir or
                            max(plain, key=lambda d: int(d.rsplit("llvm", 1)[1])))
    llvm = re.search(r"^STATELESS_LLVM_MAJOR:\w+=(\d+)$|^LLVM_DIR:PATH=/usr/lib/llvm-(\d+)",
                     open(os.path.join(build, "CMakeCache.txt")).read(), re.M)
    major = next(g for g in llvm.groups() if g)
    tools = {"index": os.path.join(build, "bin", "stateless-index"),
             "tidy": os.path.join(build, "bin", "stateless-tidy"),
             "clang": shutil.which("clang++-" + major) or "clang++"}
    print("# The project index at scale (%s, LLVM %s, %d jobs)" % (build, major, args.jobs))
    for units in args.units:
        measure(args, tools, units)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Torture run: stateless-tidy (best a sanitized build) over inputs a linter
meets in real trees, failing on any crash, sanitizer report or hang.

Inputs, generated into a temporary directory:
  header  every top-level libstdc++ header and a sample of each framework
          package's headers the tests use, each as the main file of its own
          unit (so the checks analyse its code), with every function taken as
          a handler and Scope=all, to drive all of the analysis
  cut     each test and example file cut off at --cuts evenly spaced points
  braces  the same files with some '{' or some '}' removed
  noinc   the same files without their #include lines
  annot   the same files with every STATELESS_ALLOW malformed, plus a block
          of malformed annotations on globals, members and invalid types

Framework headers are sampled deterministically: the package's main headers
plus --per-package evenly spaced ones from its sorted header list.

Ends with "torture: N passed, N failed"; exits non-zero on any failure.
"""

import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "test"))
from sanitizers import ENVIRONMENT  # noqa: E402
LIBSTDCXX = "/usr/include/c++/12"
QT6 = "/usr/include/x86_64-linux-gnu/qt6"
QT6_FLAGS = ["-fPIC", "-isystem", QT6] + ["-isystem" + os.path.join(QT6, m)
                                         for m in ("QtCore", "QtNetwork", "QtHttpServer")]

# package: (main headers, globs sampled from, extra flags)
FRAMEWORKS = {
    "cpp-httplib": (["httplib.h"], [], []),
    "boost": (["boost/asio.hpp", "boost/beast.hpp"], ["boost/*.hpp"], []),
    "absl": (["absl/container/flat_hash_map.h"], ["absl/*/*.h"], []),
    "pistache": (["pistache/endpoint.h", "pistache/router.h"], ["pistache/*.h"], []),
    "cpprest": (["cpprest/http_listener.h"], ["cpprest/*.h"], []),
    "restinio": (["restinio/all.hpp"], ["restinio/*.hpp"], []),
    "asio": (["asio.hpp"], ["asio/*.hpp"], []),
    "websocketpp": (["websocketpp/server.hpp"], ["websocketpp/*.hpp"], []),
    "poco": (["Poco/Net/HTTPServer.h"], ["Poco/*.h", "Poco/Net/*.h"], []),
    "qt6": ([QT6 + "/QtHttpServer/QHttpServer"], [QT6 + "/QtCore/q*.h"], QT6_FLAGS),
    "grpc": (["grpcpp/grpcpp.h"], ["grpcpp/*.h"], []),
    "protobuf": (["google/protobuf/message.h"], ["google/protobuf/*.h"], []),
    "sqlite3": (["sqlite3.h"], [], []),
    "libuv": (["uv.h"], [], []),
    "libevent": (["event2/event.h"], ["event2/*.h"], []),
    "gtest": (["gtest/gtest.h"], [], []),
}

EVERYTHING_IS_A_HANDLER = ("{Checks: '-*,stateless-*', CheckOptions: {HandlerFunctions: '.*', %s}}"
                           % ", ".join("stateless-%s.Scope: all" % c for c in (
                               "mutable-global", "static-session-map", "local-fs-write",
                               "instance-timer", "handler-member-state")))
DEFAULT_CONFIG = "{Checks: '-*,stateless-*'}"

BAD_ANNOTATIONS = r"""
STATELESS_ALLOW(cache) int torture_no_reason;
STATELESS_ALLOW(bogus, "unknown kind") int torture_bad_kind;
STATELESS_ALLOW(, "") static int torture_empty;
STATELESS_ALLOW(cache, 42) int torture_int_reason;
STATELESS_ALLOW(cache, u"wide", "two") int torture_wide;
STATELESS_ALLOW(cache, "undeclared type") UndeclaredTortureType torture_undeclared;
[[clang::annotate("stateless.allow")]] int torture_bare;
[[clang::annotate("stateless.allow", 1, 2)]] int torture_ints;
[[clang::annotate("stateless.handler", "x")]] void torture_handler(UndeclaredArg a) { torture_bare++; }
struct TortureMember { STATELESS_ALLOW(pool) int m; STATELESS_HANDLER void f() { ++m; torture_undeclared.x(); } };
STATELESS_HANDLER void torture_root() { ++torture_no_reason; ++torture_bad_kind; torture_int_reason = undeclared_torture_value; }
"""
SIGNS = {
    "crash": ("Stack dump", "PLEASE submit a bug report", "Segmentation fault"),
    "sanitizer report": ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer",
                         "Sanitizer CHECK failed"),
}


def evenly(items, count):
    if len(items) <= count:
        return list(items)
    return [items[(2 * i + 1) * len(items) // (2 * count)] for i in range(count)]


def include_path(header):
    return header if os.path.isabs(header) else os.path.join("/usr/include", header)


def header_cases(per_package):
    cases = []
    for name in sorted(os.listdir(LIBSTDCXX)):
        path = os.path.join(LIBSTDCXX, name)
        if "." not in name and os.path.isfile(path):
            cases.append(("header libstdc++/%s" % name, path, ["-std=c++20"],
                          EVERYTHING_IS_A_HANDLER))
    for package, (main, patterns, flags) in sorted(FRAMEWORKS.items()):
        main = [include_path(h) for h in main]
        sampled = sorted(set(h for p in patterns for h in glob.glob(include_path(p))) - set(main))
        for path in main + evenly(sampled, per_package):
            if os.path.isfile(path):
                cases.append(("header %s/%s" % (package, os.path.basename(path)), path,
                              ["-std=c++20"] + flags, EVERYTHING_IS_A_HANDLER))
    return cases


def compile_args(text, directory):
    """The arguments after `--` on the file's %check_stateless RUN line."""
    run = re.sub(r"\\\n\s*//\s*RUN:", " ", text)
    for line in re.findall(r"RUN:(.*%check_stateless.*)", run):
        if " -- " in line:
            args = line.split(" -- ", 1)[1]
            args = (args.replace("%S", directory).replace("%stateless_include",
                    os.path.join(ROOT, "include")).replace("%qt6_flags", " ".join(QT6_FLAGS)))
            return [a for a in args.split() if "%t" not in a]
    return ["-std=c++17"]


def remove_every(text, char, keep):
    count = [0]
    def drop(match):
        count[0] += 1
        return "" if not keep(count[0]) else match.group(0)
    return re.sub(re.escape(char), drop, text)


def broken_variants(text, cuts):
    for k in range(1, cuts + 1):
        yield "cut%d" % k, text[:len(text) * k // (cuts + 1)]
    yield "braces-open", remove_every(text, "}", lambda i: i % 3)
    yield "braces-close", remove_every(text, "{", lambda i: i % 4)
    yield "noinc", re.sub(r"(?m)^\s*#\s*include.*$", "", text)
    forms = ["STATELESS_ALLOW(bogus, \"x\")", "STATELESS_ALLOW(cache)",
             "STATELESS_ALLOW(cache, 1)", "STATELESS_ALLOW()"]
    count = [0]
    def malform(_):
        count[0] += 1
        return forms[count[0] % len(forms)]
    annotated = re.sub(r"STATELESS_ALLOW\((?:[^()]|\([^()]*\))*\)", malform, text)
    yield "annot", "#include <stateless/annotations.h>\n" + annotated + BAD_ANNOTATIONS


def broken_cases(workdir, cuts):
    sources = sorted(glob.glob(os.path.join(ROOT, "test/lit/**/*.cpp"), recursive=True) +
                     glob.glob(os.path.join(ROOT, "examples/**/*.cpp"), recursive=True))
    cases = []
    for source in sources:
        with open(source, errors="replace") as f:
            text = f.read()
        relative = os.path.relpath(source, ROOT)
        args = compile_args(text, os.path.dirname(source))
        args += ["-I" + os.path.dirname(source), "-I" + os.path.join(ROOT, "include")]
        for variant, broken in broken_variants(text, cuts):
            path = os.path.join(workdir, relative.replace("/", "__") + "." + variant + ".cpp")
            with open(path, "w") as f:
                f.write(broken)
            cases.append(("%s %s" % (variant, relative), path, args, DEFAULT_CONFIG))
    return cases


def run_case(tidy, timeout, case):
    """(command, what went wrong or None, output, seconds) of one input."""
    _, path, args, config = case
    command = [tidy, "--config=" + config, path, "--", "-x", "c++"] + args
    started = time.monotonic()
    try:
        proc = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=timeout, errors="replace")
    except subprocess.TimeoutExpired:
        return command, "timeout", "no result after %ds" % timeout, timeout
    seconds = time.monotonic() - started
    for kind, signs in SIGNS.items():
        if any(s in proc.stdout for s in signs):
            return command, kind, proc.stdout, seconds
    if proc.returncode < 0:
        return command, "crash", "killed by signal %d" % -proc.returncode, seconds
    return command, None, "", seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stateless_tidy")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=120, help="seconds per input")
    parser.add_argument("--cuts", type=int, default=6, help="truncation points per file")
    parser.add_argument("--per-package", type=int, default=4,
                        help="sampled headers per framework package")
    parser.add_argument("--keep", default="", help="copy failing inputs to this directory")
    parser.add_argument("--only", default="", help="regular expression on input names")
    args = parser.parse_args()
    if not os.access(args.stateless_tidy, os.X_OK):
        sys.exit("torture: %s is not an executable" % args.stateless_tidy)

    os.environ.update(ENVIRONMENT)
    workdir = tempfile.mkdtemp(prefix="stateless-torture-")
    try:
        cases = header_cases(args.per_package) + broken_cases(workdir, args.cuts)
        if args.only:
            cases = [c for c in cases if re.search(args.only, c[0])]
        started = time.monotonic()
        failures, slowest = [], (0, "")
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            results = pool.map(lambda c: run_case(args.stateless_tidy, args.timeout, c), cases)
            for case, (command, kind, report, seconds) in zip(cases, results):
                slowest = max(slowest, (seconds, case[0]))
                if kind:
                    failures.append(case[0])
                    print("FAIL (%s): %s\n  %s\n%s" % (kind, case[0], " ".join(command),
                                                      "\n".join(report.splitlines()[-40:])),
                          flush=True)
                    if args.keep:
                        os.makedirs(args.keep, exist_ok=True)
                        shutil.copy(case[1], args.keep)
        print("torture: %d inputs in %ds, slowest %.0fs (%s)" % (
            len(cases), time.monotonic() - started, slowest[0], slowest[1]))
        print("torture: %d passed, %d failed" % (len(cases) - len(failures), len(failures)))
        return 1 if failures else 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

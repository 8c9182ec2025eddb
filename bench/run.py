#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Measures what the stateless-* checks cost, against parsing the same code.

    bench/run.py [--build-dir DIR] [--repeat N] [--jobs N] [--only NAME,...]
                 [--unit FILE --flags FLAGS] [--skip-units] [--skip-clangd]
                 [--skip-scaling] [--skip-index]

The budget is judged on instructions executed, counted by valgrind's
callgrind: a run executes the same number of instructions however busy the
machine is, so one run per command resolves differences far below the 3 %
budget, which CPU time on a shared machine cannot. For each translation unit
it counts the baseline (clang++-NN -fsyntax-only, same flags), all
stateless-* checks, each check alone, the nearest upstream check alone, and
the instructions spent inside the stateless checks themselves; it also times
the baseline and all checks in N interleaved rounds (median CPU time and peak
memory over the baseline in the same round). Then clangd's view: the
instructions of stateless-clangd's AST build with no check, all checks and
each check alone, the measurement behind clangd's list of fast checks. Then
two series on generated units: growing unrelated headers (the checks' cost
stays flat) and growing handlers (it grows linearly). Then the project
index, on the split example service (examples/split-service): building it
against parsing every unit once, re-indexing after an edit, the checks with
it against parsing, and its size and memory. docs/performance.md explains the
tables and records a run.
"""

import argparse
import concurrent.futures
import json
import os
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKS = ["stateless-mutable-global", "stateless-static-session-map",
          "stateless-handler-member-state", "stateless-local-fs-write",
          "stateless-instance-timer"]
UPSTREAM = "cppcoreguidelines-avoid-non-const-global-variables"
BUDGET_TIME = 0.03
BUDGET_MEMORY = 0.05
BUDGET_INDEX = 0.10
# clangd's own list of fast checks admits those its measurement puts under
# this share of an AST build (clang-tools-extra/clangd/TidyFastChecks.py).
CLANGD_FAST_THRESHOLD = 0.08
# Callgrind function patterns: where the stateless checks do their work (the
# shared analysis and the reporting, and freeing the analysis), and what
# clangd's fast-check measurement times (one AST build of the main file).
CHECKS_OWN_CODE = ["stateless::StatelessCheck::check(*",
                   "stateless::StatelessCheck::onEndOfTranslationUnit(*"]
CLANGD_AST_BUILD = ["clang::clangd::ParsedAST::build(*"]
FINDING = re.compile(r"\[(stateless-[a-z-]+)\]")


def fail(message):
    sys.exit("bench: " + message)


def qt6_flags():
    multiarch = subprocess.run(["gcc", "-print-multiarch"], capture_output=True,
                               text=True).stdout.strip()
    qt6 = "/usr/include/%s/qt6" % multiarch
    return ["-fPIC", "-isystem", qt6] + [
        "-isystem%s/%s" % (qt6, m) for m in ("QtCore", "QtNetwork", "QtHttpServer")]


def grpc_flags(work):
    """Generates the gRPC stubs the gRPC unit includes, as its build would."""
    proto_dir = os.path.join(ROOT, "test/lit/frameworks/Inputs/grpc")
    out = os.path.join(work, "grpc-gen")
    os.makedirs(out, exist_ok=True)
    plugin = shutil.which("grpc_cpp_plugin")
    if not plugin or not shutil.which("protoc"):
        return None
    subprocess.run(["protoc", "-I" + proto_dir, "--cpp_out=" + out,
                    "--grpc_out=" + out, "--plugin=protoc-gen-grpc=" + plugin,
                    os.path.join(proto_dir, "greeter.proto")], check=True)
    return ["-I" + out]


def units(work):
    """(name, source, flags) of the fixed set; flags are None for a
    framework whose packages are missing."""
    frameworks = os.path.join(ROOT, "test/lit/frameworks")
    std = ["-std=c++17"]
    grpc = grpc_flags(work)
    return [
        ("examples/service", os.path.join(ROOT, "examples/service/main.cpp"),
         std + ["-I" + os.path.join(ROOT, "include"), "-pthread"]),
        ("cpp-httplib", os.path.join(frameworks, "cpp-httplib.cpp"), std + ["-pthread"]),
        ("boost-beast", os.path.join(frameworks, "boost-beast.cpp"), std),
        ("grpc", os.path.join(frameworks, "grpc.cpp"), grpc and std + grpc),
        ("qt-httpserver", os.path.join(frameworks, "qt-httpserver.cpp"), std + qt6_flags()),
        ("restinio", os.path.join(frameworks, "restinio.cpp"), std),
        ("poco", os.path.join(frameworks, "poco.cpp"), std),
        ("large-gateway", os.path.join(ROOT, "bench/inputs/large-gateway.cpp"), std),
    ]


class Run:
    """What one run of a command printed (stdout and stderr) and how it ended."""

    def __init__(self, command, code, output):
        self.command, self.code, self.output = command, code, output

    def check_compiled(self):
        """The unit must compile: a unit with errors measures error recovery."""
        if self.code or "clang-diagnostic-error" in self.output:
            fail("%s failed (exit code %d):\n%s" % (
                " ".join(self.command), self.code, self.output[-2000:]))

    def findings(self):
        return len(FINDING.findall(self.output))


class Runner:
    def __init__(self, build_dir, llvm, jobs, work):
        self.clang = shutil.which("clang++-%s" % llvm)
        self.valgrind = shutil.which("valgrind")
        self.jobs = jobs
        if not self.clang:
            fail("clang++-%s not found; install clang-%s" % (llvm, llvm))
        if not self.valgrind:
            fail("valgrind not found; install valgrind (scripts/bootstrap.sh --tests does)")
        if not shutil.which("objcopy"):
            fail("objcopy not found; install binutils")
        built = os.path.join(build_dir, "bin/stateless-tidy")
        if not os.access(built, os.X_OK):
            fail("no %s; build first (scripts/bootstrap.sh)" % built)
        self.tidy = self.without_debug_info(built, work)
        built = os.path.join(build_dir, "bin/stateless-index")
        if not os.access(built, os.X_OK):
            fail("no %s; build first (scripts/bootstrap.sh)" % built)
        self.index = self.without_debug_info(built, work)
        built = os.path.join(build_dir, "bin/stateless-clangd")
        self.clangd = os.access(built, os.X_OK) and self.without_debug_info(built, work)

    @staticmethod
    def without_debug_info(binary, work):
        """A copy of `binary` without its debug sections, which are never
        executed: valgrind 3.19 cannot read the DWARF 5 that LLVM 16's static
        libraries carry, and reads the copy faster."""
        copy = os.path.join(work, os.path.basename(binary))
        subprocess.run(["objcopy", "--strip-debug", binary, copy], check=True)
        return copy

    @staticmethod
    def timed(command):
        """CPU seconds (user + system) and peak resident KiB of one run."""
        process = subprocess.Popen(command, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT)
        output = process.stdout.read().decode(errors="replace")
        _, status, usage = os.wait4(process.pid, 0)
        Run(command, os.waitstatus_to_exitcode(status), output).check_compiled()
        return usage.ru_utime + usage.ru_stime, usage.ru_maxrss

    def instructions(self, command, inside=(), cwd=None):
        """(instructions, Run) of one run of `command` under callgrind; with
        `inside`, only the instructions executed within the functions those
        callgrind patterns name (callees included)."""
        valgrind = [self.valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        valgrind += ["--toggle-collect=" + pattern for pattern in inside]
        result = subprocess.run(valgrind + command, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True,
                                errors="replace", cwd=cwd)
        run = Run(command, result.returncode, result.stdout)
        run.check_compiled()
        collected = re.search(r"^==\d+== Collected : (\d+)$", result.stdout, re.M)
        if not collected:
            fail("callgrind printed no count for %s:\n%s" % (
                " ".join(command), result.stdout[-2000:]))
        count = int(collected.group(1))
        if count == 0:
            fail("callgrind counted nothing inside %s in %s: did the function's "
                 "name change?" % (", ".join(inside), " ".join(command)))
        return count, run

    def count_all(self, jobs):
        """Runs {name: (command, inside, cwd)} under callgrind, `self.jobs` at
        a time (counts do not depend on the load); {name: (count, Run)}."""
        with concurrent.futures.ThreadPoolExecutor(self.jobs) as pool:
            futures = {name: pool.submit(self.instructions, *job)
                       for name, job in jobs.items()}
            return {name: future.result() for name, future in futures.items()}

    def baseline(self, source, flags):
        return [self.clang, "-fsyntax-only"] + flags + [source]

    def tidy_command(self, checks, source, flags, extra=()):
        # --config keeps the repository's own .clang-tidy files out of it.
        return [self.tidy, "--config={}", "--checks=-*," + checks, *extra,
                source, "--"] + flags

    def kloc(self, source, flags):
        preprocessed = subprocess.run([self.clang, "-E"] + flags + [source],
                                      capture_output=True, text=True).stdout
        return preprocessed.count("\n") / 1000


def timed_rounds(runner, commands, repeat):
    """Runs every command `repeat` times, interleaved in a shuffled order.
    Returns per command the CPU seconds of each round, and its CPU time and
    peak memory divided by the first command's in the same round (pairing
    runs made seconds apart cancels most of a shared machine's drift)."""
    times = {name: [] for name in commands}
    ratios = {name: [] for name in commands}
    memory = {name: [] for name in commands}
    reference = next(iter(commands))
    order = list(commands)
    shuffle = random.Random(0).shuffle  # the same orders run after run
    for _ in range(repeat):
        # A new order each round: no run always follows the same one.
        shuffle(order)
        round_ = {name: runner.timed(commands[name]) for name in order}
        for name, (cpu, rss) in round_.items():
            times[name].append(cpu)
            ratios[name].append(cpu / round_[reference][0])
            memory[name].append(rss / round_[reference][1])
    return times, ratios, memory


def profiled_seconds(runner, checks, source, flags, work):
    """CPU seconds clang-tidy's check profile charges to the stateless-*
    checks in one run with `checks` enabled."""
    profile_dir = tempfile.mkdtemp(dir=work)
    runner.timed(runner.tidy_command(checks, source, flags, [
        "--enable-check-profile", "--store-check-profile=" + profile_dir]))
    total = 0.0
    for name in os.listdir(profile_dir):
        with open(os.path.join(profile_dir, name)) as f:
            for key, value in json.load(f)["profile"].items():
                # "time.clang-tidy.<check>.user" and ".sys"
                parts = key.split(".")
                if parts[-1] in ("user", "sys") and parts[2].startswith("stateless-"):
                    total += value
    return total


def percent(ratio):
    return "%+.2f %%" % (100 * (ratio - 1))


def spread(ratios):
    """The median of per-round ratios, and their range."""
    return "%+.1f %% (%+.1f to %+.1f)" % tuple(
        100 * (r - 1) for r in (statistics.median(ratios), min(ratios), max(ratios)))


def millions(count):
    return "%.1f M" % (count / 1e6)


def table(header):
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))


def row(cells):
    print("| " + " | ".join(cells) + " |", flush=True)


def bench_units(runner, work, unit_list, repeat):
    print("## Translation units\n")
    print("Instructions executed over the baseline `clang++ -fsyntax-only` "
          "of the same unit (callgrind; one run each, deterministic), and in "
          "parentheses the CPU time clang-tidy's check profile charges to the "
          "stateless-* checks of that run (median of %d runs). \"checks' "
          "own\" counts the instructions inside the stateless-* checks, and "
          "their share of the baseline. CPU time and peak memory: all "
          "stateless-* checks over the baseline run in the same round, median "
          "(and range) of %d interleaved rounds.\n" % (repeat, repeat))
    table(["unit", "KLOC", "parse s", "all stateless-*", *CHECKS, UPSTREAM,
           "checks' own", "findings", "CPU time, all", "peak memory, all", "budget"])
    within = True
    for name, source, flags in unit_list:
        times, ratios, memory = timed_rounds(runner, {
            "baseline": runner.baseline(source, flags),
            "all": runner.tidy_command("stateless-*", source, flags)}, repeat)
        enabled = {"all": "stateless-*", **{check: check for check in CHECKS}}
        profile = {job: statistics.median(
            profiled_seconds(runner, checks, source, flags, work) for _ in range(repeat))
            for job, checks in enabled.items()}
        jobs = {job: (runner.tidy_command(checks, source, flags),)
                for job, checks in {**enabled, UPSTREAM: UPSTREAM}.items()}
        jobs["baseline"] = (runner.baseline(source, flags),)
        jobs["own"] = (runner.tidy_command("stateless-*", source, flags), CHECKS_OWN_CODE)
        counts = runner.count_all(jobs)
        base = counts["baseline"][0]
        over = {job: counts[job][0] / base for job in counts}
        own = counts["own"][0]
        peak = statistics.median(memory["all"])
        ok = over["all"] - 1 <= BUDGET_TIME and peak - 1 <= BUDGET_MEMORY
        within &= ok
        row([name, "%d" % runner.kloc(source, flags),
             "%.2f" % statistics.median(times["baseline"])]
            + ["%s (%.1f ms)" % (percent(over[job]), 1000 * profile[job]) for job in enabled]
            + [percent(over[UPSTREAM]), "%s (%.2f %%)" % (millions(own), 100 * own / base),
               "%d" % counts["all"][1].findings(), spread(ratios["all"]),
               percent(peak), "within" if ok else "OVER"])
    return within


def clangd_unit_dir(work, source, flags, checks):
    """A directory of its own for one clangd run: a copy of the unit, its
    compilation database, a .clang-tidy enabling `checks` and a .clangd
    letting every check run (clangd skips untimed checks by default)."""
    unit_dir = tempfile.mkdtemp(dir=work)
    copy = os.path.join(unit_dir, os.path.basename(source))
    shutil.copy(source, copy)
    with open(os.path.join(unit_dir, "compile_commands.json"), "w") as f:
        json.dump([{"directory": unit_dir, "file": copy,
                    "arguments": ["clang++"] + flags + ["-c", copy]}], f)
    with open(os.path.join(unit_dir, ".clang-tidy"), "w") as f:
        f.write("Checks: '%s'\n" % checks)
    with open(os.path.join(unit_dir, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    FastCheckFilter: Loose\n")
    return unit_dir, copy


def bench_clangd(runner, work, unit_list):
    print("\n## clangd\n")
    if not runner.clangd:
        print("skipped: no stateless-clangd in this build (LLVM 19 and later)")
        return True
    print("Instructions of `stateless-clangd --check`'s AST build of the main "
          "file (the preamble is built before it) with the checks over the "
          "same build with none: what clangd's `--check-tidy-time` times, and "
          "its list of fast checks admits a check under %d %%. Callgrind, one "
          "run each.\n" % (100 * CLANGD_FAST_THRESHOLD))
    table(["unit", "AST build, no checks", "all stateless-*", *CHECKS,
           "findings", "fast enough for clangd"])
    fast = True
    for name, source, flags in unit_list:
        jobs = {}
        for job, checks in [("none", "-*"), ("all", "-*,stateless-*")] + [
                (check, "-*," + check) for check in CHECKS]:
            unit_dir, copy = clangd_unit_dir(work, source, flags, checks)
            jobs[job] = ([runner.clangd, "--check=" + copy, "--check-locations=false",
                          "--check-warnings", "--compile-commands-dir=" + unit_dir],
                         CLANGD_AST_BUILD, unit_dir)
        counts = runner.count_all(jobs)
        base = counts["none"][0]
        over = {job: counts[job][0] / base for job in counts}
        ok = all(over[check] - 1 < CLANGD_FAST_THRESHOLD for check in CHECKS)
        fast &= ok
        row([name, millions(base), percent(over["all"])]
            + [percent(over[c]) for c in CHECKS]
            + ["%d" % counts["all"][1].findings(), "yes" if ok else "NO"])
    return fast


HANDLER = """
std::map<std::string, int> hits_{i};
void count_{i}(const std::string &key) {{ ++hits_{i}[key]; }}
void register_{i}(httplib::Server &server) {{
  server.Post("/r/{i}", [](const httplib::Request &req, httplib::Response &res) {{
    count_{i}(req.body);
    std::ofstream("/var/tmp/upload-{i}") << req.body;
    res.set_content("ok", "text/plain");
  }});
}}
"""
UNRELATED_HEADERS = [
    "boost/asio.hpp", "boost/property_tree/json_parser.hpp",
    "boost/spirit/include/qi.hpp", "boost/multi_index_container.hpp",
    "boost/multi_index/ordered_index.hpp", "boost/date_time/posix_time/posix_time.hpp",
    "boost/algorithm/string.hpp", "boost/container/flat_map.hpp",
    "boost/uuid/uuid_generators.hpp", "boost/lexical_cast.hpp", "bits/stdc++.h",
    "boost/beast.hpp"]


def generated_unit(work, headers, handlers):
    path = os.path.join(work, "gen-%d-%d.cpp" % (headers, handlers))
    with open(path, "w") as f:
        for header in UNRELATED_HEADERS[:headers]:
            f.write("#include <%s>\n" % header)
        f.write("#include <httplib.h>\n#include <fstream>\n#include <map>\n#include <string>\n")
        for i in range(handlers):
            f.write(HANDLER.format(i=i))
        f.write("int main() {\n  httplib::Server server;\n")
        for i in range(handlers):
            f.write("  register_%d(server);\n" % i)
        f.write("  server.listen(\"0.0.0.0\", 8080);\n}\n")
    return path


def bench_scaling(runner, work):
    flags = ["-std=c++17", "-pthread"]

    def series(title, points):
        print("\n## %s\n" % title)
        table(["unrelated headers", "handlers", "KLOC", "parse s",
               "checks' own instructions", "per handler"])
        sources = {point: generated_unit(work, *point) for point in points}
        parse = {point: runner.timed(runner.baseline(sources[point], flags))[0]
                 for point in points}
        counts = runner.count_all({point: (runner.tidy_command(
            "stateless-*", sources[point], flags), CHECKS_OWN_CODE) for point in points})
        for point in points:
            headers, handlers = point
            own = counts[point][0]
            row(["%d" % headers, "%d" % handlers,
                 "%d" % runner.kloc(sources[point], flags), "%.2f" % parse[point],
                 millions(own), "%.0f k" % (own / handlers / 1000)])

    series("Growing unrelated headers, 20 handlers (flat)",
           [(n, 20) for n in (0, 4, 8, 12)])
    series("Growing handlers, no unrelated headers (linear)",
           [(0, n) for n in (25, 50, 100, 200)])


def database_units(database):
    """(source, flags) of each unit of a compile_commands.json: its command
    without the compiler, the output and -c, to parse it alone."""
    with open(database) as f:
        entries = json.load(f)
    result = []
    for entry in entries:
        args = entry.get("arguments") or shlex.split(entry["command"])
        flags, skip = [], False
        for arg in args[1:]:
            if skip or arg == "-c" or arg == entry["file"]:
                skip = False
                continue
            if arg == "-o":
                skip = True
                continue
            flags.append(arg)
        result.append((entry["file"], flags))
    return sorted(result)


def bench_index(runner, work):
    print("\n## Project index\n")
    project = os.path.join(work, "split-service")
    shutil.copytree(os.path.join(ROOT, "examples/split-service"), project)
    build = os.path.join(project, "build")
    subprocess.run(["cmake", "-S", project, "-B", build, "-G", "Ninja",
                    "-DCMAKE_CXX_COMPILER=" + runner.clang,
                    "-DSTATELESS_INCLUDE_DIR=" + os.path.join(ROOT, "include")],
                   check=True, capture_output=True)
    unit_list = database_units(os.path.join(build, "compile_commands.json"))
    index_file = os.path.join(build, "stateless.index")
    index = [runner.index, "-p", build, "--execute-concurrency=1"]

    def count_index():
        count, run = runner.instructions(index)
        units = re.search(r"(\d+) of (\d+) units indexed", run.output)
        return count, units.group(0) if units else "?"

    # CI's one parse per unit: the index built and every finding computed
    # from it, with no index before.
    ci, _ = runner.instructions(index + ["--findings"])
    os.remove(index_file)
    full, _ = count_index()
    config = "--config={Checks: '-*,stateless-*', HeaderFilterRegex: '.*/src/.*'%s}"
    jobs = {}
    for source, flags in unit_list:
        jobs[("parse", source)] = (runner.baseline(source, flags),)
        for mode, option in (("with", ""), ("alone", ", CheckOptions: {ProjectIndex: none}")):
            jobs[(mode, source)] = ([runner.tidy, config % option, "-p", build, source],
                                    (), project)
    counts = runner.count_all(jobs)
    total = {mode: sum(counts[(mode, source)][0] for source, _ in unit_list)
             for mode in ("parse", "with", "alone")}
    findings = sum(counts[("with", source)][1].findings() for source, _ in unit_list)
    kloc = sum(runner.kloc(source, flags) for source, flags in unit_list)

    print("Instructions (callgrind, one run each) of `stateless-index -p build "
          "--execute-concurrency=1` over parsing every unit once (`clang++ "
          "-fsyntax-only`, one process per unit), of the same with `--findings` "
          "(CI: each unit parsed once, every finding from the index), and of "
          "checking every unit (`stateless-tidy -p build`, stateless-* checks) "
          "with the index and without it, over the same parse.\n")
    table(["project", "units", "KLOC", "parse, all units", "build the index",
           "index and findings", "check with index", "check without", "findings",
           "budget"])
    over_index = full / total["parse"]
    over_check = total["with"] / total["parse"]
    over_ci = ci / total["parse"]
    within = (over_index - 1 <= BUDGET_INDEX and over_ci - 1 <= BUDGET_INDEX and
              over_check - 1 <= BUDGET_TIME)
    row(["examples/split-service", "%d" % len(unit_list), "%d" % kloc,
         millions(total["parse"]), percent(over_index), percent(over_ci),
         percent(over_check),
         percent(total["alone"] / total["parse"]), "%d" % findings,
         "within" if within else "OVER"])

    print("\nRe-indexing after an edit parses again only the units that read the "
          "edited file (instructions of the update over the full build).\n")
    table(["edit", "units parsed again", "update", "share of a full build"])
    for edit, name in (("a source file", "src/routes.cpp"),
                       ("a header (src/sessions.h)", "src/sessions.h"),
                       ("nothing (touched)", None)):
        if name:
            with open(os.path.join(project, name), "a") as f:
                f.write("// edited\n")
        else:
            os.utime(os.path.join(project, "src/main.cpp"))
        count, units = count_index()
        row([edit, units, millions(count), "%.1f %%" % (100 * count / full)])

    size = os.path.getsize(index_file)
    _, with_rss = runner.timed([runner.tidy, config % "", "-p", build,
                                os.path.join(project, "src/main.cpp")])
    _, alone_rss = runner.timed([runner.tidy, config % ", CheckOptions: {ProjectIndex: none}",
                                 "-p", build, os.path.join(project, "src/main.cpp")])
    print("\nThe index on disk, and the peak memory of checking a unit with it "
          "over without (`src/main.cpp`).\n")
    table(["index size", "per KLOC", "peak memory with index", "over without"])
    row(["%.1f KiB" % (size / 1024), "%.0f bytes" % (size / kloc),
         "%.1f MiB" % (with_rss / 1024), "%+.1f MiB" % ((with_rss - alone_rss) / 1024)])
    return within


def select_units(work, args):
    """The units to measure: the --unit files, or the fixed set (--only
    narrows it). A fixed unit whose framework is missing is skipped with a
    line saying so."""
    if args.unit:
        missing = [path for path in args.unit if not os.path.isfile(path)]
        if missing:
            fail("no such file: %s" % ", ".join(missing))
        flags = shlex.split(args.flags)
        return [(path, os.path.abspath(path), flags) for path in args.unit]
    unit_list = units(work)
    names = [name for name, _, _ in unit_list]
    only = args.only.split(",") if args.only else names
    unknown = sorted(set(only) - set(names))
    if unknown:
        fail("unknown unit %s; the units are %s" % (", ".join(unknown), ", ".join(names)))
    selected = []
    for name, source, flags in unit_list:
        if name not in only:
            continue
        if flags is None:
            print("%s skipped: protoc or grpc_cpp_plugin missing\n" % name)
            continue
        selected.append((name, source, flags))
    return selected


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", help="default: the newest build-llvmNN")
    parser.add_argument("--repeat", type=int, default=5,
                        help="rounds of the CPU time and memory runs (default 5)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(),
                        help="callgrind runs at a time (default: one per core)")
    parser.add_argument("--only", help="comma-separated names of the fixed units")
    parser.add_argument("--unit", action="append", default=[], metavar="FILE",
                        help="measure FILE instead of the fixed units (repeatable)")
    parser.add_argument("--flags", default="-std=c++17",
                        help="compile flags of the --unit files (default: -std=c++17)")
    parser.add_argument("--skip-units", action="store_true",
                        help="no translation-unit table (e.g. to finish a run "
                        "interrupted in a later section)")
    parser.add_argument("--skip-clangd", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--skip-index", action="store_true",
                        help="no project index section")
    args = parser.parse_args()

    build_dir = args.build_dir and os.path.abspath(args.build_dir)
    if not build_dir:
        builds = sorted((d for d in os.listdir(ROOT) if re.fullmatch(r"build-llvm\d+", d)),
                        key=lambda d: int(d[len("build-llvm"):]))
        if not builds:
            fail("no build-llvmNN directory; run scripts/bootstrap.sh or pass --build-dir")
        build_dir = os.path.join(ROOT, builds[-1])
    llvm = None
    with open(os.path.join(build_dir, "CMakeCache.txt")) as cache:
        for line in cache:
            if line.startswith("LLVM_VERSION_MAJOR:"):
                llvm = line.split("=", 1)[1].strip()
    if not llvm:
        fail("%s/CMakeCache.txt names no LLVM_VERSION_MAJOR" % build_dir)
    if args.repeat < 1:
        fail("--repeat must be at least 1")
    if args.jobs < 1:
        fail("--jobs must be at least 1")
    if args.skip_units and args.skip_clangd and args.skip_scaling and args.skip_index:
        fail("--skip-units, --skip-clangd, --skip-scaling and --skip-index leave "
             "nothing to measure")
    if args.unit and args.only:
        fail("--only selects among the fixed units; it cannot be used with --unit")

    with tempfile.TemporaryDirectory(prefix="stateless-bench-") as work:
        runner = Runner(build_dir, llvm, args.jobs, work)
        selected = select_units(work, args)
        print("# stateless-tidy benchmark\n")
        print("%s, LLVM %s, %d cores, %s\n" % (time.strftime("%Y-%m-%d"), llvm,
                                              os.cpu_count(), os.uname().machine))
        within = args.skip_units or bench_units(runner, work, selected, args.repeat)
        if not args.skip_clangd:
            within &= bench_clangd(runner, work, selected)
        if not args.skip_scaling:
            bench_scaling(runner, work)
        if not args.skip_index:
            within &= bench_index(runner, work)
    print("\nall within budget (instructions +%d %%, memory +%d %%, each check "
          "under %d %% of clangd's AST build)" % (
              100 * BUDGET_TIME, 100 * BUDGET_MEMORY, 100 * CLANGD_FAST_THRESHOLD)
          if within else "\nsome measurements are OVER budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())

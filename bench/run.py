#!/usr/bin/env python3
"""Measures what the stateless-* checks cost, against parsing the same code.

    bench/run.py [--build-dir DIR] [--repeat N] [--only NAME,...] [--skip-clangd]
                 [--skip-scaling]

For each translation unit it runs, interleaved and N times each: the baseline
(clang++-NN -fsyntax-only, same flags), all stateless-* checks, each check
alone, and the nearest upstream check alone; it prints the median CPU time
(user + system) of each over the baseline, the peak memory of all checks over
the baseline, and the checks' own time from clang-tidy's check profile. Then
clangd's view (stateless-clangd --check with and without the checks) and two
series on generated units: growing unrelated headers (cost stays flat) and
growing handlers (cost grows linearly). docs/performance.md explains the
tables and records a run.
"""

import argparse
import json
import os
import random
import re
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
# clangd's own list of fast checks admits those its measurement puts under
# this share of a rebuild (clang-tools-extra/clangd/TidyFastChecks.py).
CLANGD_FAST_THRESHOLD = 8


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
    """(name, source, flags) of the fixed set; a framework whose packages are
    missing is skipped with a line saying so."""
    frameworks = os.path.join(ROOT, "test/lit/frameworks")
    std = ["-std=c++17"]
    result = [
        ("examples/service", os.path.join(ROOT, "examples/service/main.cpp"),
         std + ["-I" + os.path.join(ROOT, "include"), "-pthread"]),
        ("cpp-httplib", os.path.join(frameworks, "cpp-httplib.cpp"), std + ["-pthread"]),
        ("boost-beast", os.path.join(frameworks, "boost-beast.cpp"), std),
        ("grpc", os.path.join(frameworks, "grpc.cpp"), grpc_flags(work)),
        ("qt-httpserver", os.path.join(frameworks, "qt-httpserver.cpp"), std + qt6_flags()),
        ("restinio", os.path.join(frameworks, "restinio.cpp"), std),
        ("poco", os.path.join(frameworks, "poco.cpp"), std),
        ("large-gateway", os.path.join(ROOT, "bench/inputs/large-gateway.cpp"), std),
    ]
    if result[3][2] is not None:
        result[3] = (result[3][0], result[3][1], std + result[3][2])
    return result


class Runner:
    def __init__(self, build_dir, llvm):
        self.tidy = os.path.join(build_dir, "bin/stateless-tidy")
        self.clangd = os.path.join(build_dir, "bin/stateless-clangd")
        self.clang = shutil.which("clang++-%s" % llvm)
        if not os.access(self.tidy, os.X_OK):
            fail("no %s; build first (scripts/bootstrap.sh)" % self.tidy)
        if not self.clang:
            fail("clang++-%s not found; install clang-%s" % (llvm, llvm))

    @staticmethod
    def measure(command, env=None):
        """CPU seconds (user + system) and peak resident KiB of one run."""
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, env=env)
        stderr = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        return usage.ru_utime + usage.ru_stime, usage.ru_maxrss, \
            process.returncode, stderr.decode(errors="replace")

    def baseline(self, source, flags):
        return [self.clang, "-fsyntax-only"] + flags + [source]

    def tidy_command(self, checks, source, flags, extra=()):
        # --config keeps the repository's own .clang-tidy files out of it.
        return [self.tidy, "--config={}", "--checks=-*," + checks,
                *extra, source, "--"] + flags


def median_runs(runner, commands, repeat):
    """Runs every command `repeat` times, interleaved in a shuffled order.
    Returns the median CPU seconds of each, and the median over the rounds of
    each one's CPU time and peak memory divided by the first command's in the
    same round (pairing runs made close together cancels most of a shared
    machine's drift)."""
    times = {name: [] for name in commands}
    ratios = {name: [] for name in commands}
    memory = {name: [] for name in commands}
    reference = next(iter(commands))
    order = list(commands)
    shuffle = random.Random(0).shuffle  # the same orders run after run
    for _ in range(repeat):
        # A new order each round: no run always follows the same one.
        shuffle(order)
        round_ = {}
        for name in order:
            cpu, rss, code, stderr = runner.measure(commands[name])
            if "clang-diagnostic-error" in stderr or (name == "baseline" and code):
                fail("%s does not compile:\n%s" % (" ".join(commands[name]),
                                                    stderr[-2000:]))
            round_[name] = (cpu, rss)
            times[name].append(cpu)
        for name, (cpu, rss) in round_.items():
            ratios[name].append(cpu / round_[reference][0])
            memory[name].append(rss / round_[reference][1])
    median = lambda values: {n: statistics.median(v) for n, v in values.items()}
    return median(times), median(ratios), median(memory)


def check_profile(runner, source, flags, work):
    """Seconds each stateless check spent, from clang-tidy's check profile."""
    profile_dir = tempfile.mkdtemp(dir=work)
    runner.measure(runner.tidy_command(
        "stateless-*", source, flags,
        ["--enable-check-profile", "--store-check-profile=" + profile_dir]))
    total = {}
    for name in os.listdir(profile_dir):
        with open(os.path.join(profile_dir, name)) as f:
            for key, value in json.load(f)["profile"].items():
                # "time.clang-tidy.<check>.user" and ".sys"
                parts = key.split(".")
                if parts[-1] in ("user", "sys") and parts[2].startswith("stateless-"):
                    total[parts[2]] = total.get(parts[2], 0.0) + value
    return total


def percent(ratio):
    return "%+.1f %%" % (100 * (ratio - 1))


def bench_units(runner, work, repeat, only):
    print("## Translation units\n")
    print("CPU time (user + system) and peak RSS over the baseline `clang++ "
          "-fsyntax-only` run in the same round: median of %d interleaved "
          "rounds. \"checks' own time\" is what clang-tidy's check profile "
          "charges to the stateless-* checks, and its share of the parse.\n" % repeat)
    header = ["unit", "KLOC", "parse s", "all stateless-*", *CHECKS, UPSTREAM,
              "peak memory, all", "checks' own time", "budget"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    within = True
    for name, source, flags in units(work):
        if only and name not in only:
            continue
        if flags is None:
            print("| %s | skipped: protoc or grpc_cpp_plugin missing |" % name)
            continue
        preprocessed = subprocess.run([runner.clang, "-E"] + flags + [source],
                                      capture_output=True, text=True).stdout
        commands = {"baseline": runner.baseline(source, flags),
                    "all": runner.tidy_command("stateless-*", source, flags)}
        for check in CHECKS + [UPSTREAM]:
            commands[check] = runner.tidy_command(check, source, flags)
        times, ratios, memory = median_runs(runner, commands, repeat)
        own = sum(check_profile(runner, source, flags, work).values())
        base = times["baseline"]
        ok = ratios["all"] - 1 <= BUDGET_TIME and memory["all"] - 1 <= BUDGET_MEMORY
        within &= ok
        row = [name, "%d" % (preprocessed.count("\n") / 1000), "%.2f" % base,
               percent(ratios["all"])]
        row += [percent(ratios[c]) for c in CHECKS + [UPSTREAM]]
        row += [percent(memory["all"]),
                "%.1f ms (%.2f %%)" % (own * 1000, 100 * own / base),
                "within" if ok else "OVER"]
        print("| " + " | ".join(row) + " |", flush=True)
    return within


def bench_clangd(runner, work, repeat, only):
    print("\n## clangd\n")
    if not os.access(runner.clangd, os.X_OK):
        print("skipped: no stateless-clangd in this build (LLVM 19 and later)")
        return True
    print("`stateless-clangd --check` CPU time with the stateless-* checks "
          "over the same run without clang-tidy (median of %d), and each "
          "check's cost as clangd itself measures it (`--check-tidy-time`, "
          "the measurement behind clangd's list of fast checks, which admits "
          "checks under %d %%).\n" % (repeat, CLANGD_FAST_THRESHOLD))
    header = ["unit", "without s", "with s", "overhead", *CHECKS]
    print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    fast = True
    for name, source, flags in units(work):
        if (only and name not in only) or flags is None:
            continue
        # A directory of its own: its compilation database, and a
        # .clang-tidy enabling only our checks, away from the repository's.
        unit_dir = tempfile.mkdtemp(dir=work)
        copy = os.path.join(unit_dir, os.path.basename(source))
        shutil.copy(source, copy)
        with open(os.path.join(unit_dir, "compile_commands.json"), "w") as f:
            json.dump([{"directory": unit_dir, "file": copy,
                        "arguments": ["clang++"] + flags + ["-c", copy]}], f)
        with open(os.path.join(unit_dir, ".clang-tidy"), "w") as f:
            f.write("Checks: '-*,stateless-*'\n")
        with open(os.path.join(unit_dir, ".clangd"), "w") as f:
            f.write("Diagnostics:\n  ClangTidy:\n    FastCheckFilter: Loose\n")
        check = [runner.clangd, "--check=" + copy, "--check-locations=false",
                 "--compile-commands-dir=" + unit_dir]
        times, ratios, _ = median_runs(
            runner, {"without": check + ["--clang-tidy=false"], "with": check}, repeat)
        log = subprocess.run(check + ["--check-tidy-time=stateless-*"],
                             capture_output=True, text=True).stderr
        measured = dict(re.findall(r"\] +(stateless-[a-z-]+) = (-?\d+)%", log))
        fast &= all(int(v) < CLANGD_FAST_THRESHOLD for v in measured.values())
        print("| %s | %.2f | %.2f | %s | %s |" % (
            name, times["without"], times["with"], percent(ratios["with"]),
            " | ".join(measured.get(c, "unstable") + " %" for c in CHECKS)),
              flush=True)
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


def bench_scaling(runner, work, repeat):
    flags = ["-std=c++17", "-pthread"]

    def series(title, points):
        print("\n## %s\n" % title)
        print("| unrelated headers | handlers | KLOC | parse s | checks' own time "
              "(median of %d) |\n|---|---|---|---|---|" % repeat)
        for headers, handlers in points:
            source = generated_unit(work, headers, handlers)
            own = statistics.median(
                sum(check_profile(runner, source, flags, work).values())
                for _ in range(repeat))
            parse = median_runs(runner, {"baseline": runner.baseline(source, flags)}, 1)[0]
            kloc = subprocess.run([runner.clang, "-E"] + flags + [source],
                                  capture_output=True, text=True).stdout.count("\n") / 1000
            print("| %d | %d | %d | %.2f | %.1f ms |" % (
                headers, handlers, kloc, parse["baseline"], own * 1000), flush=True)

    series("Growing unrelated headers, 20 handlers (flat)",
           [(n, 20) for n in (0, 4, 8, 12)])
    series("Growing handlers, no unrelated headers (linear)",
           [(0, n) for n in (25, 50, 100, 200)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", help="default: the newest build-llvmNN")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", help="comma-separated unit names")
    parser.add_argument("--skip-clangd", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    args = parser.parse_args()

    build_dir = args.build_dir
    if not build_dir:
        builds = sorted((d for d in os.listdir(ROOT) if d.startswith("build-llvm")),
                        key=lambda d: int(d[len("build-llvm"):] or 0))
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
    runner = Runner(build_dir, llvm)
    only = set(args.only.split(",")) if args.only else None

    print("# stateless-tidy benchmark\n")
    print("%s, LLVM %s, %d cores, %s\n" % (time.strftime("%Y-%m-%d"), llvm,
                                          os.cpu_count(), os.uname().machine))
    with tempfile.TemporaryDirectory(prefix="stateless-bench-") as work:
        within = bench_units(runner, work, args.repeat, only)
        if not args.skip_clangd:
            within &= bench_clangd(runner, work, args.repeat, only)
        if not args.skip_scaling:
            bench_scaling(runner, work, args.repeat)
    print("\nall within budget (time +%d %%, memory +%d %%, clangd under %d %% "
          "per check)" % (100 * BUDGET_TIME, 100 * BUDGET_MEMORY,
                          CLANGD_FAST_THRESHOLD) if within else
          "\nsome measurements are OVER budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())

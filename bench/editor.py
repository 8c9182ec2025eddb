#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Measures how fast stateless-clangd's cross-file findings follow the code.

    bench/editor.py [--build-dir DIR] [--repeat N] [--units N]

Drives stateless-clangd over LSP as an editor does (test/lit/lsp_session.py)
on the three-unit cpp-httplib service of test/lit/project/Inputs/editor
(main.cpp registers routes.cpp's handlers; add_item calls store.cpp's
remember, which writes a global):

- follow a save: with store.cpp and routes.cpp open and the index built,
  the time from saving routes.cpp without the call until store.cpp's
  finding is gone, and from saving it back until the finding is shown
  again; median and maximum of N of each;
- the same in Neovim (bench/editor-nvim.lua), when nvim is on PATH;
- cold start: the same service grown to --units units (the others include
  a usual set of standard headers), no index, store.cpp opened: the time
  until its cross-file finding is shown (the background index built);
- cost: in that service with no index, store.cpp opened (which starts the
  background run), then another unit: the time until that unit's own
  diagnostics, with the background run going and with it turned off
  (--stateless-auto-index=false), alternating, median of N of each.

Prints one line per measurement. docs/performance.md records a run.
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
sys.path.insert(0, os.path.join(ROOT, "test", "lit"))
from lsp_diagnostics import Session  # noqa: E402
from lsp_session import Editor  # noqa: E402

INPUTS = os.path.join(ROOT, "test", "lit", "project", "Inputs", "editor")
FILLER = """#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace unit{n} {{
std::string render(const std::map<std::string, std::string> &fields) {{
  std::vector<std::string> parts;
  for (const auto &[key, value] : fields)
    parts.push_back(key + "=" + value);
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto &part : parts)
    out += part + ";";
  return out;
}}
}} // namespace unit{n}
"""


def project(work, units):
    """The editor service in WORK/svc, with UNITS units in all."""
    svc = os.path.join(work, "svc")
    shutil.copytree(INPUTS, svc)
    shutil.copy(os.path.join(svc, "routes-remembering.cpp"), os.path.join(svc, "routes.cpp"))
    files = ["main.cpp", "routes.cpp", "store.cpp"]
    for n in range(units - len(files)):
        name = "unit%d.cpp" % n
        with open(os.path.join(svc, name), "w") as f:
            f.write(FILLER.format(n=n))
        files.append(name)
    with open(os.path.join(svc, "compile_commands.json"), "w") as f:
        f.write("[%s]" % ",".join(
            '{"directory": "%s", "file": "%s/%s", "command": "clang++ -std=c++17 -c %s"}'
            % (svc, svc, name, name) for name in files))
    with open(os.path.join(svc, ".clangd"), "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Add: [stateless-*]\n    FastCheckFilter: Loose\n")
    return svc


def session(clangd, svc, log, *flags):
    home = os.path.join(os.path.dirname(svc), "home")
    os.makedirs(os.path.join(home, ".config"), exist_ok=True)
    os.environ.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"))
    os.chdir(svc)
    server = Session([clangd, "--log=error", "--background-index=false", *flags], log, 1800)
    editor = Editor(server, svc)
    editor.start()
    return server, editor


def timed(step):
    start = time.monotonic()
    step()
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", help="default: the newest build-llvmNN")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--units", type=int, default=50)
    args = parser.parse_args()
    plain = [d for d in glob.glob(os.path.join(ROOT, "build-llvm*"))
             if re.fullmatch(r"build-llvm(\d+)", os.path.basename(d))]
    build = args.build_dir or max(plain, key=lambda d: int(d.rsplit("llvm", 1)[1]))
    clangd = os.path.join(os.path.abspath(build), "bin", "stateless-clangd")
    quiet = sys.stdout
    with tempfile.TemporaryDirectory() as work, tempfile.TemporaryFile() as log:
        svc = project(os.path.join(work, "follow"), 3)
        server, editor = session(clangd, svc, log)
        sys.stdout = open(os.devnull, "w")  # the diagnostics themselves
        editor.open("store.cpp")
        editor.wait("store.cpp", 1, 3)
        editor.open("routes.cpp")
        editor.wait("routes.cpp", 0, None)
        gone, shown = [], []
        for _ in range(args.repeat):
            gone.append(timed(lambda: (editor.save("routes.cpp", "routes-quiet.cpp"),
                                       editor.wait("store.cpp", 0, None))))
            shown.append(timed(lambda: (editor.save("routes.cpp", "routes-remembering.cpp"),
                                        editor.wait("store.cpp", 1, 3))))
        server.close()
        sys.stdout = quiet
        print("follow a save (3 units): finding gone after %.2f s (median; max %.2f), "
              "shown again after %.2f s (median; max %.2f), %d of each"
              % (statistics.median(gone), max(gone), statistics.median(shown), max(shown),
                 args.repeat))

        nvim = shutil.which("nvim")
        if nvim:
            svc = project(os.path.join(work, "nvim"), 3)
            env = dict(os.environ, STATELESS_CLANGD=clangd, REPEAT=str(args.repeat))
            script = os.path.join(ROOT, "bench", "editor-nvim.lua")
            ran = subprocess.run([nvim, "--headless", "-u", "NONE", "-c", "luafile " + script],
                                 cwd=svc, env=env, capture_output=True, text=True, timeout=1800)
            times = {"gone": [], "shown": []}
            for line in ran.stdout.splitlines():
                what, _, seconds = line.partition(" ")
                if what in times:
                    times[what].append(float(seconds))
            if ran.returncode or len(times["shown"]) != args.repeat:
                sys.exit("editor.py: Neovim failed: %s" % (ran.stdout + ran.stderr)[-2000:])
            print("follow a save in Neovim (its LSP client, :w): finding gone after %.2f s "
                  "(median; max %.2f), shown again after %.2f s (median; max %.2f)"
                  % (statistics.median(times["gone"]), max(times["gone"]),
                     statistics.median(times["shown"]), max(times["shown"])))
        else:
            print("follow a save in Neovim: not measured (no nvim on PATH)")

        svc = project(os.path.join(work, "cold"), args.units)
        server, editor = session(clangd, svc, log)
        sys.stdout = open(os.devnull, "w")
        cold = timed(lambda: (editor.open("store.cpp"), editor.wait("store.cpp", 1, 3)))
        server.close()
        sys.stdout = quiet
        indexer = os.path.join(os.path.abspath(build), "bin", "stateless-index")
        os.remove(os.path.join(svc, "stateless.index"))
        alone = timed(lambda: subprocess.run([indexer, "-p", svc], check=True,
                                             stderr=subprocess.DEVNULL))
        print("cold start (%d units, no index): first cross-file finding after %.1f s; "
              "stateless-index -p alone, in the foreground: %.1f s" % (args.units, cold, alone))

        costs = {"on": [], "off": []}
        for n in range(args.repeat):
            for mode, flags in (("on", []), ("off", ["--stateless-auto-index=false"])):
                svc = project(os.path.join(work, "cost-%s-%d" % (mode, n)), args.units)
                server, editor = session(clangd, svc, log, *flags)
                sys.stdout = open(os.devnull, "w")
                editor.open("store.cpp")  # found on its own: no index yet
                editor.wait("store.cpp", 1, None)
                time.sleep(1)  # the background run is under way
                costs[mode].append(timed(lambda: (editor.open("unit7.cpp"),
                                                  editor.wait("unit7.cpp", 0, None))))
                server.close()
                sys.stdout = quiet
        on, off = statistics.median(costs["on"]), statistics.median(costs["off"])
        print("cost (%d units, no index): another file's own diagnostics after %.2f s "
              "with the background run going, %.2f s with it off (median of %d): %+.1f %%"
              % (args.units, on, off, args.repeat, (on / off - 1) * 100))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Checks that lib/'s dependencies point one way (the build runs it).

    check-layers.py LIB_DIR

lib/ is in layers, one folder each, from the bottom: support, index,
knowledge, facts, analysis. A file may include headers of its own layer and
of the layers below it, never above; the plain-data layers (support, index)
include no clang header; and no two files depend on each other, directly or
through others (a file and its header count as one). Prints each problem on
a line of its own and exits 1 when there is any.
"""

import os
import re
import sys

LAYERS = ["support", "index", "knowledge", "facts", "analysis"]
PLAIN_DATA = {"support", "index"}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]', re.M)


def modules(lib):
    """Each module (a header and its source, by name) with its layer and
    the files it is made of."""
    found = {}
    for layer in LAYERS:
        folder = os.path.join(lib, layer)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            stem, ext = os.path.splitext(name)
            if ext in (".h", ".cpp"):
                found.setdefault(stem, (layer, []))[1].append(os.path.join(folder, name))
    return found


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: check-layers.py LIB_DIR\n")
        return 2
    lib = argv[1]
    found = modules(lib)
    problems = []
    uses = {stem: set() for stem in found}
    for stem, (layer, files) in found.items():
        for path in files:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for include in INCLUDE.findall(text):
                if layer in PLAIN_DATA and include.startswith("clang/"):
                    problems.append("%s: the %s layer is plain data, but it includes <%s>"
                                    % (path, layer, include))
                target = os.path.splitext(os.path.basename(include))[0]
                if target not in found or target == stem:
                    continue
                other = found[target][0]
                if LAYERS.index(other) > LAYERS.index(layer):
                    problems.append("%s: the %s layer includes %s of the %s layer above it"
                                    % (path, layer, include, other))
                uses[stem].add(target)

    # Two-way dependencies: modules that reach each other.
    def reaches(start):
        seen, work = set(), [start]
        while work:
            for nxt in uses[work.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    work.append(nxt)
        return seen

    reach = {stem: reaches(stem) for stem in found}
    reported = set()
    for a in sorted(found):
        for b in sorted(reach[a]):
            if a != b and a in reach[b] and (b, a) not in reported:
                reported.add((a, b))
                problems.append("lib/%s/%s and lib/%s/%s depend on each other"
                                % (found[a][0], a, found[b][0], b))
    for problem in problems:
        print("check-layers.py: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""stateless-report: the state inventory of a service.

    stateless-report -p build -o report              # run the checks, write the report
    stateless-report -p build -o report --index      # build or update the project index first,
                                                     # and report from it (each unit parsed once)
    stateless-report --from findings/ -o report      # from findings already exported
    stateless-report --from findings/ --fixes fixes.yaml -o report

Runs stateless-tidy over every unit of the compilation database (or of a
directory with compile_flags.txt) with the ReportAllowed and
ReportAllHandlers options, the findings exported as data (the
ExportFindings option) and the diagnostics as clang-tidy reports them
(--export-fixes, to leave out what NOLINT and HeaderFilterRegex remove),
and turns the findings into one row per piece of state: what it is, where
it is declared, every handler that writes it, its annotation if accepted
and where it should live instead. Writes DIR/index.html (a self-contained
page with a picture of handlers and state), DIR/inventory.md (the verdict
and the table, for a CI job summary) and DIR/inventory.json
(docs/inventory.schema.json). See docs/report.md.
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.request import pathname2url

PROG = "stateless-report"
HERE = os.path.dirname(os.path.realpath(__file__))
# The shared reader: beside the script in the source tree, in
# share/stateless-tidy when installed.
sys.path[:0] = [HERE, os.path.join(HERE, os.pardir, "share", "stateless-tidy")]
from stateless_fixes import (Failure, Sources, default_version,  # noqa: E402
                             read_diagnostics)

SCHEMA_VERSION = 2
# The version of the findings the ExportFindings option writes that this reads.
FINDINGS_VERSION = 1
SOURCES = re.compile(r"\.(c|cc|cpp|cxx|c\+\+|C|m|mm)$")

# --- What the findings say -----------------------------------------------------

# Kinds of state, in the order the report lists them, and what the report
# calls them.
KINDS = {
    "session-map": "session map",
    "session-store": "session store",
    "mutable-global": "mutable global",
    "shared-object": "shared object",
    "handler-member": "handler member",
    "local-file": "local file",
    "job": "timer or scheduled job",
}
# The findings' kinds; "annotation" is a malformed STATELESS_ALLOW, not state.
FINDING_KINDS = {
    "session map": "session-map",
    "session store": "session-store",
    "mutable global": "mutable-global",
    "shared object": "shared-object",
    "handler member": "handler-member",
    "local file": "local-file",
    "timer": "job",
    "scheduled job": "job",
}
ANNOTATION = "annotation"
IN_MEMORY = ("session-map", "session-store", "mutable-global", "shared-object", "handler-member")

# Where state should live instead. Accepted state is judged by its
# annotation's kind; open state by its kind, then by its name.
ACCEPTED_ADVICE = {
    "cache": "fine: a cache, re-read from the source on a miss",
    "pool": "fine: a pool, re-established on demand",
    "metrics": "fine when flushed to the metrics system",
    "dedup": "fine in front of idempotent handlers",
    "ratelimit": "fine as an approximate limit; a central limiter for an exact one",
    "config": "fine: configuration loaded at start-up",
    "sync": "fine: synchronisation state",
    "other": "accepted for the reason given",
}
KIND_ADVICE = {
    "session-store": "a shared session store (Redis with a TTL), the database, or signed tokens",
    "local-file": "object storage (S3, MinIO) or the database; logs to a log stream",
    "job": "an external scheduler or a job queue",
}
NAME_ADVICE = [  # (pattern on the name in snake_case, advice)
    (r"rate|limit|throttle|quota|_per_ip|per_(user|client)",
     "a central rate limiter (Redis, the API gateway)"),
    (r"session|token|login|auth|cookie", "a shared session store (Redis with a TTL) or the database"),
    (r"cart|basket|wishlist", "the database or a shared session store"),
    (r"cache|memo", "a cache: fine when annotated STATELESS_ALLOW(cache, ...) and re-read "
     "on a miss; otherwise a shared cache (Redis)"),
    (r"count|total|hits|requests|served|placed|metric|stats?$|latenc",
     "the metrics system (Prometheus, StatsD), summed across instances"),
    (r"subscri|listener|socket|connection|client|channel|websocket|stream|peer",
     "pub/sub (Redis, a message broker): any instance can reach every client"),
    (r"result|job|task|report", "the database or a shared cache, keyed by job"),
]
DEFAULT_ADVICE = "a shared store (the database, Redis)"


def snake_case(name):
    last = name.split("::")[-1]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", last).lower()


def advice(kind, name, accepted):
    """Where a piece of state should live, from its kind and its own name
    (a variable, a member or a type)."""
    if accepted:
        return ACCEPTED_ADVICE.get(accepted["kind"], ACCEPTED_ADVICE["other"])
    if kind in KIND_ADVICE:
        return KIND_ADVICE[kind]
    for pattern, text in NAME_ADVICE:
        if re.search(pattern, snake_case(name)):
            return text
    return DEFAULT_ADVICE


def place(located):
    """A findings' place as a key: file, line and column."""
    return located["file"], located["line"], located["column"]


# --- From findings to the inventory ---------------------------------------------

class Inventory:
    def __init__(self, root, sources):
        self.root = root
        self.sources = sources
        self.paths = {}
        self.handlers = {}
        self.pieces = {}
        # What a piece's id names it by: its name without lambdas' places.
        self.stable_names = {}
        self.problems = {}

    def path(self, file):
        """Relative to the project root, with '/' ('..' outside it)."""
        if file not in self.paths:
            relative = os.path.relpath(os.path.realpath(file), self.root)
            self.paths[file] = relative.replace(os.sep, "/")
        return self.paths[file]

    def location(self, located):
        """A place of the findings, with its column in code points."""
        if not located or not located["file"]:
            return None
        return {"path": self.path(located["file"]), "line": located["line"],
                "column": self.sources.code_point_column(located["file"], located["line"],
                                                         located["column"])}

    def function(self, info, located=True):
        """A function by its name; a lambda by where it is, or not at all
        where the name must not change when code moves."""
        if info["name"]:
            return info["name"]
        if not located:
            return "a lambda"
        return "a lambda (%s:%d)" % (self.path(info["file"]), info["line"])

    def handler(self, found):
        """The id of a handler of the findings, added to the handlers."""
        where = self.location(found)
        name, via, route = found["name"], found["via"], found.get("route") or ""
        # A lambda is known by where it is registered, and with what.
        at = "%s:%d" % (where["path"], where["line"])
        handler_id = name or "lambda@" + at
        if route:
            label = "%s (%s)" % (route, name or "lambda, " + at)
        else:
            label = name or "lambda (%s%s)" % (via.split("::")[-1] + ", " if via else "", at)
        self.handlers.setdefault(handler_id, {
            "id": handler_id, "name": name, "label": label, "route": route,
            "why": found["why"], "via": via, "location": where})
        return handler_id

    def state_name(self, kind, finding, located=True):
        """The state as a reader knows it: a variable by its name, an object
        that start-up code shares by its type and variable, a file write by
        the call and the file it names, a job by what it runs; those two
        with the function they are in, or at start-up."""
        name, type_ = finding["name"], finding.get("type") or ""
        if kind == "shared-object":
            return name if not type_ or type_ == name else "%s %s" % (type_, name)
        if kind not in ("local-file", "job"):
            return name
        target = finding.get("target") or ""
        text = "%s(%s)" % (name, target) if target else name
        runs = [self.function(r, located) for r in finding.get("runs") or []]
        if runs:
            text += " running " + ", ".join(runs)
        within = finding.get("in")
        if within:
            # main() is where start-up is: saying both is saying it twice.
            if not (finding.get("at_start_up") and within["name"] == "main"):
                text += " in " + self.function(within, located)
            if finding.get("at_start_up"):
                text += ", at start-up"
        return text

    def add(self, finding):
        if finding["kind"] == ANNOTATION:
            problem = {"check": finding["check"], "message": finding["message"],
                       "location": self.location(finding)}
            self.problems.setdefault((place(finding), finding["message"]), problem)
            return
        kind = FINDING_KINDS.get(finding["kind"])
        if kind is None:
            raise Failure("unknown kind of state '%s': a stateless-tidy newer than this "
                          "stateless-report?" % finding["kind"])
        # State that several units report (in a header, or at their own
        # writes without the project index) is one piece, declared once and
        # written by the handlers of each.
        declared = finding.get("declared")
        key = (finding["check"], place(declared or finding), finding["name"])
        piece = self.pieces.get(key)
        if piece is None:
            allowed = finding.get("allowed")
            accepted = {"kind": allowed["kind"], "reason": allowed["reason"],
                        "location": self.location(allowed)} if allowed else None
            self.stable_names[key] = self.state_name(kind, finding, located=False)
            piece = self.pieces[key] = {
                "kind": kind, "check": finding["check"], "message": finding["message"],
                "name": self.state_name(kind, finding),
                "declared": self.location(declared),
                "write": self.shown_write(finding), "accepted": accepted, "writers": [],
                "status": "accepted" if accepted else "open",
                "liveInstead": advice(kind, finding["name"], accepted)}
            piece["lostOnRestart"] = piece["status"] == "open" and (
                kind in IN_MEMORY or kind == "job")
            piece["divergesBetweenInstances"] = piece["status"] == "open" and (
                kind in IN_MEMORY or kind == "local-file")
        # The first handler is the path the diagnostic shows.
        for found in finding["handlers"]:
            handler_id = self.handler(found)
            if all(w["handler"] != handler_id for w in piece["writers"]):
                piece["writers"].append({"handler": handler_id, "calls": [
                    {"name": call["name"], "location": self.location(call)}
                    for call in found["calls"]]})

    def shown_write(self, finding):
        """The write the diagnostic shows: at the diagnostic or a note, and
        not the declaration (a file write or a job is its own call)."""
        shown = {place(finding)} | {place(note) for note in finding["notes"]}
        if finding.get("declared"):
            shown.discard(place(finding["declared"]))
        for write in finding["writes"]:
            if place(write) in shown:
                return self.location(write)
        return None

    def finish(self):
        """Sorted, with stable ids: kind, file and name (and a number when
        one file has several of the same name)."""
        def where(loc):
            return (loc["path"], loc["line"], loc["column"]) if loc else ("", 0, 0)
        def shortest(writer):
            return len(writer["calls"]), self.handlers[writer["handler"]]["label"]
        keys = sorted(self.pieces, key=lambda k: where(self.pieces[k]["declared"]) + (
            self.pieces[k]["name"], self.pieces[k]["check"]))
        seen = {}
        for key in keys:
            piece = self.pieces[key]
            base = "%s:%s:%s" % (piece["kind"], piece["declared"]["path"] if piece["declared"]
                                 else "", self.stable_names[key])
            seen[base] = seen.get(base, 0) + 1
            piece["id"] = base if seen[base] == 1 else "%s#%d" % (base, seen[base])
            # The path the diagnostic shows first, then the shortest.
            piece["writers"][1:] = sorted(piece["writers"][1:], key=shortest)
        self.pieces = [self.pieces[key] for key in keys]
        self.problems = sorted(self.problems.values(),
                               key=lambda p: where(p["location"]) + (p["message"],))

    def verdict(self):
        open_ = [p for p in self.pieces if p["status"] == "open"]
        counts = {
            "state": len(self.pieces),
            "open": len(open_),
            "lostOnRestart": sum(p["lostOnRestart"] for p in open_),
            "divergeBetweenInstances": sum(p["divergesBetweenInstances"] for p in open_),
            "perInstanceJobs": sum(p["kind"] == "job" for p in open_),
            "localFiles": sum(p["kind"] == "local-file" for p in open_),
            "accepted": len(self.pieces) - len(open_),
        }
        counts["text"] = verdict_text(counts)
        return counts


def plural(n, one, many=None):
    return "%d %s" % (n, one if n == 1 else (many or one + "s"))


def verdict_text(c):
    accepted = "%s accepted with an annotation" % plural(c["accepted"], "piece", "pieces")
    if not c["open"]:
        return "Any instance can be killed: no open state; " + accepted + "."
    return ("Not safe to kill -9 an instance: %s of state: %d lost on restart, %d diverge "
            "between instances, %s, %s; %s." % (
                plural(c["open"], "open piece", "open pieces"), c["lostOnRestart"],
                c["divergeBetweenInstances"], plural(c["perInstanceJobs"], "per-instance job"),
                plural(c["localFiles"], "local file"), accepted))


# --- Running the checks ------------------------------------------------------------

def find_tool(name, given):
    """A tool given by path, else beside this script (installed or in the
    build's bin/), else on PATH."""
    if given:
        found = shutil.which(given)
        if not found:
            raise Failure("%s '%s' not found" % (name, given))
        return found
    beside = os.path.join(HERE, name)
    if os.access(beside, os.X_OK):
        return beside
    found = shutil.which(name)
    if not found:
        raise Failure("%s not found beside %s or on PATH: name it with --%s" % (name, PROG, name))
    return found


def units_of(build, files):
    """The units to analyse: of compile_commands.json, or with
    compile_flags.txt the sources given or below the directory."""
    database = os.path.join(build, "compile_commands.json")
    if os.path.isfile(database):
        try:
            with open(database, encoding="utf-8") as f:
                entries = json.load(f)
            units = sorted({os.path.realpath(os.path.join(e["directory"], e["file"]))
                            for e in entries})
        except OSError as e:
            raise Failure("cannot read %s: %s" % (database, e.strerror))
        except (ValueError, TypeError, KeyError):
            raise Failure("%s is not a JSON compilation database" % database)
        if files:
            wanted = [os.path.realpath(f) for f in files]
            missing = [f for f, real in zip(files, wanted) if real not in units]
            if missing:
                raise Failure("%s is not in %s" % (missing[0], database))
            units = sorted(set(wanted))
        if not units:
            raise Failure("%s lists no units" % database)
        return units
    if not os.path.isfile(os.path.join(build, "compile_flags.txt")):
        raise Failure("%s holds no compile_commands.json or compile_flags.txt: configure the "
                      "project first (CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)" % build)
    if files:
        for f in files:
            if not os.path.isfile(f):
                raise Failure("cannot read %s: No such file" % f)
        return sorted({os.path.realpath(f) for f in files})
    units = []
    for directory, subdirs, names in os.walk(build):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        units += [os.path.realpath(os.path.join(directory, n)) for n in names if SOURCES.search(n)]
    if not units:
        raise Failure("no C or C++ sources below %s (compile_flags.txt)" % build)
    return sorted(units)


class Progress:
    """On a terminal, one line that counts the units done."""

    def __init__(self, total):
        self.total, self.done, self.tty = total, 0, sys.stderr.isatty()

    def step(self, what):
        self.done += 1
        if self.tty:
            sys.stderr.write("\r\033[K%s: [%d/%d] %s" % (PROG, self.done, self.total, what))
            sys.stderr.flush()

    def end(self):
        if self.tty and self.done:
            sys.stderr.write("\r\033[K")


def run_checks(args, units, work):
    """Runs the checks over every unit: the findings as data into one
    directory, and what clang-tidy reported as YAML."""
    tidy = find_tool("stateless-tidy", args.stateless_tidy)
    findings = os.path.join(work, "findings")
    # The project's .clang-tidy, plus the options that report allowed state
    # and every handler that writes a piece of state, and export the
    # findings (a YAML double-quoted string is a JSON one).
    config = ("{InheritParentConfig: true, CheckOptions: {ReportAllowed: true, "
              "ReportAllHandlers: true, ExportFindings: %s}}" % json.dumps(findings))
    if args.index:
        if not os.path.isfile(os.path.join(args.build, "compile_commands.json")):
            raise Failure("--index needs %s/compile_commands.json" % args.build)
        index = find_tool("stateless-index", args.stateless_index or
                          os.path.join(os.path.dirname(tidy), "stateless-index"))
        if not args.files:
            return index_findings(args, index, config, findings, work)
        status("building the project index (%s -p %s)" % (index, args.build))
        # Absolute: stateless-index's threads change directory to parse units.
        if subprocess.call([index, "-p", os.path.abspath(args.build)], stdout=sys.stderr):
            raise Failure("stateless-index failed")
    if os.path.isfile(os.path.join(args.build, "stateless.index")):
        status("using the project index %s" % os.path.join(args.build, "stateless.index"))
    progress = Progress(len(units))
    base = os.getcwd()

    def run(numbered):
        number, unit = numbered
        fixes = os.path.join(work, "%04d.yaml" % number)
        proc = subprocess.run(
            [tidy, "-p", args.build, "--quiet", "--checks=" + args.checks,
             "--warnings-as-errors=-*", "--config=" + config, "--export-fixes=" + fixes, unit],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        return unit, fixes, proc

    outputs, notices = [], []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for unit, fixes, proc in pool.map(run, enumerate(units)):
            progress.step(os.path.relpath(unit, base))
            errors = sum(d["level"] == "error" for d in read_diagnostics([fixes])) \
                if os.path.isfile(fixes) else 0
            if proc.returncode and not errors:
                progress.end()
                raise Failure("stateless-tidy failed on %s:\n%s" % (
                    unit, (proc.stderr or proc.stdout).strip()))
            if errors:
                notices.append("%s has %s: its findings are from what parsed"
                               % (os.path.relpath(unit, base), plural(errors, "compiler error")))
            # Configuration warnings (an index out of date) come once per unit.
            notices += [line for line in proc.stderr.splitlines()
                        if "[clang-tidy-config]" in line]
            if os.path.isfile(fixes):
                outputs.append(fixes)
    progress.end()
    for notice in dict.fromkeys(notices):
        status("warning: " + notice)
    return [findings] if os.path.isdir(findings) else [], outputs


def index_findings(args, index, config, findings, work):
    """The whole project, each unit parsed once: stateless-index --findings
    indexes the units and computes their findings from the index."""
    status("indexing the project and reporting from the index (%s -p %s --findings)"
           % (index, args.build))
    fixes = os.path.join(work, "fixes.yaml")
    proc = subprocess.run(
        [index, "-p", os.path.abspath(args.build), "--findings", "--checks=" + args.checks,
         "--warnings-as-errors=-*", "--config=" + config, "--export-fixes=" + fixes],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, universal_newlines=True)
    # A unit that does not compile is reported from what parsed, as below.
    failures = [line for line in proc.stderr.splitlines()
                if ": error: " in line and "not compile" not in line]
    if proc.returncode and (failures or not os.path.isfile(fixes)):
        raise Failure("stateless-index failed:\n%s" % proc.stderr.strip())
    for line in proc.stderr.splitlines():
        if "not compile" in line or "[clang-tidy-config]" in line or \
                line.startswith("stateless-index: warning:"):
            status("warning: " + line)
    return [findings] if os.path.isdir(findings) else [], [fixes]


# --- Reading the findings -------------------------------------------------------

def findings_files(paths):
    """The JSON files of directories that ExportFindings wrote, or given."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            found = sorted(os.path.join(path, n) for n in os.listdir(path) if n.endswith(".json"))
            if not found:
                raise Failure("%s holds no findings (*.json): export them with the checks' "
                              "ExportFindings option (docs/report.md)" % path)
            files += found
        elif path.endswith((".yaml", ".yml")):
            raise Failure("%s is --export-fixes YAML, which --from cannot read: export the "
                          "findings with the checks' ExportFindings option, give them to --from "
                          "and the YAML to --fixes (docs/report.md)" % path)
        else:
            files.append(path)
    return files


def read_findings(path):
    """The unit and the findings of one file that ExportFindings wrote."""
    try:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
    except OSError as e:
        raise Failure("cannot read %s: %s" % (path, e.strerror))
    except (ValueError, UnicodeDecodeError):
        raise Failure("%s is not JSON: --from reads the findings that the checks' "
                      "ExportFindings option writes (docs/report.md)" % path)
    if not isinstance(document, dict) or not isinstance(document.get("findings"), list):
        raise Failure("%s is not findings written by the checks' ExportFindings option" % path)
    if document.get("version") != FINDINGS_VERSION:
        raise Failure("%s: findings of version %s; this %s reads version %d" % (
            path, document.get("version"), PROG, FINDINGS_VERSION))
    return document.get("unit") or "", document["findings"]


def reported(fixes, sources):
    """Where clang-tidy reported each diagnostic (NOLINT, HeaderFilterRegex
    and duplicates leave some findings out): check, file, line and column
    in bytes, as the findings count them."""
    keys = set()
    for diagnostic in read_diagnostics(fixes):
        main = diagnostic["main"]
        if not main["file"]:
            continue
        data, offset = sources.content(main["file"]), main["offset"]
        line, _, _ = sources.position(main["file"], offset)
        keys.add((diagnostic["check"], os.path.realpath(main["file"]), line,
                  offset - data.rfind(b"\n", 0, offset)))
    return keys


def add_findings(inventory, path, findings, keep):
    """The findings of one file into the inventory; with the places of the
    reported diagnostics, only those clang-tidy reported."""
    for finding in findings:
        try:
            if keep is None or (finding["check"], os.path.realpath(finding["file"]),
                                finding["line"], finding["column"]) in keep:
                inventory.add(finding)
        except (KeyError, TypeError, AttributeError) as e:
            raise Failure("%s: a finding not as ExportFindings writes it (%s: %s)"
                          % (path, type(e).__name__, e))


def cmake_cache(build, key):
    """A value of BUILD/CMakeCache.txt, or None."""
    try:
        with open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8") as f:
            found = re.search(r"^%s:\w+=(.+)$" % key, f.read(), re.M)
    except (OSError, ValueError):
        return None
    return found.group(1).strip() if found else None


def project_root(args, units):
    """What paths are relative to: --base-dir; else the deepest of the
    current directory, the units' git repository and the CMake project's
    source directory that holds every unit; else the units' common
    directory."""
    if args.base_dir:
        return os.path.realpath(args.base_dir)
    dirs = sorted({os.path.dirname(os.path.realpath(u)) for u in units})
    here = os.path.realpath(os.getcwd())
    if not dirs:
        return here
    try:
        top = subprocess.run(["git", "-C", dirs[0], "rev-parse", "--show-toplevel"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             universal_newlines=True).stdout.strip()
    except OSError:
        top = ""
    source = cmake_cache(args.build, "CMAKE_HOME_DIRECTORY") if args.build else None
    holding = [os.path.realpath(root) for root in (here, top, source) if root]
    holding = [root for root in holding
               if all(os.path.commonpath([root, d]) == root for d in dirs)]
    return max(holding, key=len) if holding else os.path.commonpath(dirs)


def project_name(args, root):
    """--title; else the CMake project's name; else the root's."""
    if args.title:
        return args.title
    named = cmake_cache(args.build, "CMAKE_PROJECT_NAME") if args.build else None
    return named or os.path.basename(root) or root


def status(message):
    sys.stderr.write("%s: %s\n" % (PROG, message))


# --- Writing the report ------------------------------------------------------------

def link(args, location):
    if not location:
        return ""
    if args.source_url:
        return args.source_url.replace("{path}", location["path"]).replace(
            "{line}", str(location["line"]))
    target = os.path.relpath(os.path.join(args.root, location["path"]), args.output)
    return pathname2url(target) + "#L%d" % location["line"]


def where(location):
    return "%s:%d" % (location["path"], location["line"]) if location else ""


def writer_text(inventory, writer):
    return " \u2192 ".join([inventory.handlers[writer["handler"]]["label"]] +
                           [call["name"] or "a lambda" for call in writer["calls"]])


def md_cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def md_text(text):
    """A cell of plain text (not code): a route's `<int>` is no HTML tag."""
    return md_cell(text).replace("<", "\\<")


def markdown(args, inventory, verdict, baseline):
    out = ["# State inventory: %s" % args.title, "",
           "**%s**" % verdict["text"], ""]
    if baseline is not None:
        out += ["New open state since the baseline: %s." % (
            ", ".join("`%s`" % i for i in baseline["new"]) or "none"), ""]
    out += ["| state | kind | declared | written by | accepted | live instead |",
            "|---|---|---|---|---|---|"]
    for p in inventory.pieces:
        declared = "[%s](%s)" % (where(p["declared"]), link(args, p["declared"])) \
            if p["declared"] else ""
        writers = "<br>".join(md_text(writer_text(inventory, w)) for w in p["writers"]) or \
            "outside handlers"
        accepted = "%s: %s" % (p["accepted"]["kind"], p["accepted"]["reason"]) \
            if p["accepted"] else "open"
        out.append("| `%s` | %s | %s | %s | %s | %s |" % (
            md_cell(p["name"]), KINDS[p["kind"]], declared, writers, md_cell(accepted),
            md_cell(p["liveInstead"])))
    if not inventory.pieces:
        out.append("| (none) | | | | | |")
    if inventory.problems:
        out += ["", "Annotation problems:", ""]
        out += ["- %s: %s" % (where(p["location"]), md_cell(p["message"]))
                for p in inventory.problems]
    return "\n".join(out) + "\n"


def inventory_json(args, inventory, verdict, baseline):
    document = {"version": SCHEMA_VERSION,
                "tool": {"name": PROG, "version": args.tool_version},
                "title": args.title,
                "verdict": verdict,
                "handlers": sorted(inventory.handlers.values(), key=lambda h: h["id"]),
                "state": inventory.pieces,
                "problems": inventory.problems}
    if baseline is not None:
        document["baseline"] = baseline
    if args.timestamp:
        document["generated"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


PAGE_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1f24}
h1{font-size:22px;margin:0 0 8px}
.verdict{font-size:16px;font-weight:600;padding:10px 14px;border-radius:6px;background:#fde8e8}
.verdict.clean{background:#e6f4ea}
.counts{display:flex;gap:12px;margin:12px 0;flex-wrap:wrap}
.counts div{border:1px solid #d0d7de;border-radius:6px;padding:6px 12px}
.counts b{display:block;font-size:20px}
.filters{margin:16px 0;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
.filters select{max-width:40em}
svg{border:1px solid #d0d7de;border-radius:6px;max-width:100%;height:auto}
svg text{font:12px system-ui,sans-serif}
svg .node rect{fill:#fff;stroke:#8c959f}
svg .edge{fill:none;stroke-width:2;opacity:.8}
svg .accepted.edge{stroke-dasharray:6 4;opacity:.5}
svg .accepted rect{stroke-dasharray:4 3}
svg .dim{opacity:.08}
table{border-collapse:collapse;width:100%;margin-top:16px;table-layout:fixed}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top;
      overflow-wrap:anywhere}
th{background:#f6f8fa}
tr.accepted td{color:#57606a}
code{font-size:13px;word-break:break-word;overflow-wrap:anywhere}
.kind{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
.legend span{margin-right:14px;white-space:nowrap}
.new{color:#cf222e;font-weight:600}
"""
COLOURS = {"session-map": "#cf222e", "session-store": "#bf3989", "mutable-global": "#bf8700",
           "shared-object": "#1f6feb", "handler-member": "#8250df", "local-file": "#1a7f37",
           "job": "#e16f24"}
PAGE_SCRIPT = """
(function () {
  var kind = document.getElementById('kind'), handler = document.getElementById('handler'),
      status = document.getElementById('status'), shown = document.getElementById('shown');
  function apply() {
    var visibleState = {}, visibleHandlers = {}, count = 0;
    document.querySelectorAll('tr.state').forEach(function (row) {
      var ok = (!kind.value || row.dataset.kind === kind.value) &&
               (!status.value || row.dataset.status === status.value) &&
               (!handler.value || row.dataset.handlers.split(' ').indexOf(handler.value) >= 0);
      row.hidden = !ok;
      if (ok) { visibleState[row.dataset.id] = true; count++; }
    });
    document.querySelectorAll('svg .edge').forEach(function (edge) {
      var ok = visibleState[edge.dataset.state] &&
               (!handler.value || edge.dataset.handler === handler.value);
      edge.classList.toggle('dim', !ok);
      if (ok) visibleHandlers[edge.dataset.handler] = true;
    });
    document.querySelectorAll('svg .state.node').forEach(function (node) {
      node.classList.toggle('dim', !visibleState[node.dataset.id]);
    });
    document.querySelectorAll('svg .handler.node').forEach(function (node) {
      node.classList.toggle('dim', !visibleHandlers[node.dataset.id]);
    });
    shown.textContent = count + ' of ' + document.querySelectorAll('tr.state').length + ' shown';
  }
  [kind, handler, status].forEach(function (s) { s.addEventListener('change', apply); });
  apply();
})();
"""


# Boxes of the picture: a line of 12px text holds about this many characters.
BOX_WIDTH, BOX_CHARS, BOX_LINES, LINE_HEIGHT = 290, 38, 6, 15
BREAKS = (" ", "::", "/", ",", "<", "_", "(")


def wrap(text, width=BOX_CHARS, lines=BOX_LINES):
    """A long name in lines of at most width characters, broken after a
    space, '::', '/', ... where it can; past the last line it is cut with an
    ellipsis (the node's title has it whole)."""
    out = []
    while len(text) > width and len(out) < lines:
        # The first kind of break, in order, in the line's second half.
        ends = [i + len(b) for b in BREAKS for i in [text.rfind(b, 1, width - len(b) + 1)]]
        cut = next((end for end in ends if end > width // 2), width)
        out.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if len(out) == lines:
        out[-1] = out[-1][:width - 1] + "\u2026"
    elif text:
        out.append(text)
    return out


def node(classes, attributes, title, x, y, lines, style=""):
    """A box of the picture with its text in lines, whole on hover."""
    esc = html.escape
    text = "".join('<tspan x="%d" dy="%d">%s</tspan>' % (x + 8, 0 if i == 0 else LINE_HEIGHT,
                                                        esc(line))
                   for i, line in enumerate(lines))
    return ('<g class="%s node"%s><title>%s</title><rect x="%d" y="%d" width="%d" '
            'height="%d" rx="4"%s/><text x="%d" y="%d">%s</text></g>' % (
                classes, attributes, esc(title), x, y, BOX_WIDTH, box_height(lines),
                ' style="%s"' % style if style else "", x + 8, y + 14, text))


def box_height(lines):
    return 6 + LINE_HEIGHT * len(lines)


def stack(labels, top, gap=10):
    """The y of each box, one under the other, and where the column ends."""
    ys, y = [], top
    for lines in labels:
        ys.append(y)
        y += box_height(lines) + gap
    return ys, y


def picture(inventory):
    """Handlers on the left, state on the right, an edge for each write."""
    esc = html.escape
    pieces = inventory.pieces
    outside = {"id": "", "label": "outside handlers"}
    order = {p["id"]: i for i, p in enumerate(pieces)}
    edges = [(w["handler"], p) for p in pieces for w in p["writers"]] + \
        [("", p) for p in pieces if not p["writers"]]
    # Handlers next to the state they write (the mean row), to keep edges short.
    rows = {}
    for hid, p in edges:
        rows.setdefault(hid, []).append(order[p["id"]])
    handlers = sorted(rows, key=lambda h: (sum(rows[h]) / len(rows[h]), h))
    labels = {h: inventory.handlers.get(h, outside)["label"] for h in handlers}
    handler_lines = [wrap(labels[h]) for h in handlers]
    state_lines = [wrap(p["name"]) for p in pieces]
    top, width, left, right = 20, 900, 10, 600
    handler_ys, handler_end = stack(handler_lines, top)
    state_ys, state_end = stack(state_lines, top)
    height = max(handler_end, state_end, top + 20) + top
    # Edges leave and reach the middle of each box.
    hy = {h: y + box_height(lines) // 2 for h, y, lines in zip(handlers, handler_ys, handler_lines)}
    sy = {p["id"]: y + box_height(lines) // 2 for p, y, lines in zip(pieces, state_ys, state_lines)}
    out = ['<svg id="picture" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'viewBox="0 0 %d %d" role="img" aria-label="handlers and the state they write">'
           % (width, height, width, height)]
    middle = (left + BOX_WIDTH + right) // 2
    for hid, p in edges:
        y1, y2 = hy[hid], sy[p["id"]]
        out.append('<path class="edge %s %s" data-handler="%s" data-state="%s" stroke="%s" '
                   'd="M%d %d C%d %d %d %d %d %d"/>' % (
                       p["kind"], p["status"], esc(hid), esc(p["id"]),
                       "#8c959f" if p["status"] == "accepted" else COLOURS[p["kind"]],
                       left + BOX_WIDTH, y1, middle, y1, middle, y2, right, y2))
    for hid, y, lines in zip(handlers, handler_ys, handler_lines):
        out.append(node("handler", ' data-id="%s"' % esc(hid), labels[hid], left, y, lines))
    for p, y, lines in zip(pieces, state_ys, state_lines):
        out.append(node("state %s" % p["status"], ' data-id="%s" data-kind="%s"' % (
            esc(p["id"]), p["kind"]), "%s (%s, %s)" % (p["name"], KINDS[p["kind"]], p["status"]),
            right, y, lines, "stroke:%s" % COLOURS[p["kind"]]))
    out.append("</svg>")
    return "\n".join(out)


def breakable(text):
    """HTML of a name, with where a line may break in it: after '::', '/',
    ',', '<' and '_'."""
    return re.sub(r"(::|/|,|&lt;|_)", r"\1<wbr>", html.escape(text))


def page(args, inventory, verdict, baseline):
    esc = html.escape
    title = "State inventory: " + args.title
    new = set(baseline["new"]) if baseline else set()
    counts = [("open", verdict["open"]), ("lost on restart", verdict["lostOnRestart"]),
              ("diverge between instances", verdict["divergeBetweenInstances"]),
              ("per-instance jobs", verdict["perInstanceJobs"]),
              ("local files", verdict["localFiles"]), ("accepted", verdict["accepted"])]
    kinds = [k for k in KINDS if any(p["kind"] == k for p in inventory.pieces)]
    handlers = sorted(inventory.handlers.values(), key=lambda h: h["label"])
    out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>%s</title><style>%s</style></head><body>" % (esc(title), PAGE_STYLE),
           "<h1>%s</h1>" % esc(title),
           '<p class="verdict%s" id="verdict">%s</p>' % (
               "" if verdict["open"] else " clean", esc(verdict["text"])),
           '<div class="counts">%s</div>' % "".join(
               "<div><b>%d</b>%s</div>" % (n, esc(label)) for label, n in counts),
           '<p class="legend">%s<span><span class="kind" style="background:#8c959f"></span>'
           'accepted (dashed)</span></p>' % "".join(
               '<span><span class="kind" style="background:%s"></span>%s</span>'
               % (COLOURS[k], esc(KINDS[k])) for k in kinds),
           picture(inventory),
           '<div class="filters"><label>Kind <select id="kind"><option value="">all</option>%s'
           '</select></label><label>Handler <select id="handler"><option value="">all</option>%s'
           '</select></label><label>Status <select id="status"><option value="">all</option>'
           '<option value="open">open</option><option value="accepted">accepted</option>'
           '</select></label><span id="shown"></span></div>' % (
               "".join('<option value="%s">%s</option>' % (k, esc(KINDS[k])) for k in kinds),
               "".join('<option value="%s">%s</option>' % (esc(h["id"]), esc(h["label"]))
                       for h in handlers)),
           # Fixed widths: long names wrap instead of widening the page.
           '<table><colgroup><col style="width:24%"><col style="width:9%">'
           '<col style="width:14%"><col style="width:22%"><col style="width:14%">'
           '<col style="width:17%"></colgroup><thead><tr><th>state</th><th>kind</th>'
           "<th>declared</th><th>written by</th><th>accepted</th><th>live instead</th></tr>"
           "</thead><tbody>"]
    for p in inventory.pieces:
        declared = '<a href="%s">%s</a>' % (esc(link(args, p["declared"])),
                                            breakable(where(p["declared"]))) \
            if p["declared"] else ""
        writers = "<br>".join(breakable(writer_text(inventory, w)) for w in p["writers"]) or \
            "outside handlers"
        accepted = "<b>%s</b>: %s" % (esc(p["accepted"]["kind"]), esc(p["accepted"]["reason"])) \
            if p["accepted"] else "open"
        out.append(
            '<tr class="state %s" data-id="%s" data-kind="%s" data-status="%s" '
            'data-handlers="%s"><td><code>%s</code>%s</td><td><span class="kind" '
            'style="background:%s"></span>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>'
            '</tr>' % (
                p["status"], esc(p["id"]), p["kind"], p["status"],
                esc(" ".join(w["handler"] for w in p["writers"])), breakable(p["name"]),
                ' <span class="new">new</span>' if p["id"] in new else "",
                COLOURS[p["kind"]], esc(KINDS[p["kind"]]), declared, writers, accepted,
                esc(p["liveInstead"])))
    out.append("</tbody></table>")
    if inventory.problems:
        out.append("<h2>Annotation problems</h2><ul>%s</ul>" % "".join(
            "<li>%s: %s</li>" % (esc(where(p["location"])), esc(p["message"]))
            for p in inventory.problems))
    if args.timestamp:
        out.append("<p>Generated %s.</p>" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    out.append("<script>%s</script></body></html>" % PAGE_SCRIPT)
    return "\n".join(out) + "\n"


def compare(inventory, path):
    """The open state that the baseline inventory does not have open."""
    try:
        with open(path, encoding="utf-8") as f:
            previous = json.load(f)
        before = {p["id"] for p in previous["state"] if p["status"] == "open"}
        known = {p["id"] for p in previous["state"]}
    except OSError as e:
        raise Failure("cannot read the baseline %s: %s" % (path, e.strerror))
    except (ValueError, TypeError, KeyError):
        raise Failure("the baseline %s is not an inventory.json written by %s" % (path, PROG))
    now = {p["id"] for p in inventory.pieces}
    return {"new": sorted(p["id"] for p in inventory.pieces
                          if p["status"] == "open" and p["id"] not in before),
            "gone": sorted(known - now)}


def main():
    parser = argparse.ArgumentParser(
        prog=PROG, description="Write the state inventory of a service: every piece of state "
        "the stateless-* checks find, as HTML, Markdown and JSON (docs/report.md).")
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="units to analyse (default: every unit of the compilation "
                        "database, or every source below -p with compile_flags.txt)")
    parser.add_argument("-p", dest="build", help="directory of compile_commands.json "
                        "or compile_flags.txt")
    parser.add_argument("-o", "--output", default="stateless-report",
                        help="directory to write index.html, inventory.md and inventory.json "
                        "into (default: %(default)s)")
    parser.add_argument("--from", dest="findings", nargs="+", metavar="FINDINGS",
                        help="read findings already exported (directories that the checks' "
                        "ExportFindings option wrote, or their JSON files, with the options "
                        "ReportAllowed and ReportAllHandlers) instead of running the checks")
    parser.add_argument("--fixes", nargs="+", metavar="YAML",
                        help="with --from: keep only the findings that clang-tidy reported in "
                        "these --export-fixes files (NOLINT, HeaderFilterRegex)")
    parser.add_argument("--index", action="store_true",
                        help="build or update the project index (stateless-index -p) first")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="units analysed in parallel (default: %(default)s)")
    parser.add_argument("--stateless-tidy", help="the stateless-tidy to run (default: the one "
                        "beside this script, else on PATH)")
    parser.add_argument("--stateless-index", help="the stateless-index to run with --index "
                        "(default: the one beside stateless-tidy)")
    parser.add_argument("--checks", default="-*,stateless-*",
                        help="clang-tidy --checks (default: %(default)s)")
    parser.add_argument("--base-dir", help="project root that paths are relative to "
                        "(default: the deepest of the current directory, the units' git "
                        "repository and CMake's source directory that holds every unit, else "
                        "the units' common directory)")
    parser.add_argument("--source-url", help="link template for source locations, with "
                        "{path} and {line}, e.g. https://github.com/ORG/REPO/blob/SHA/{path}#L{line} "
                        "(default: relative links to the files)")
    parser.add_argument("--title", help="the service's name, for the headings (default: the "
                        "CMake project's name, else the project root's)")
    parser.add_argument("--baseline", help="a previous inventory.json to compare with")
    parser.add_argument("--fail-on", choices=("never", "new", "open"), default="never",
                        help="exit 1 on open state the baseline does not have (new), or on "
                        "any open state (open)")
    parser.add_argument("--timestamp", action="store_true",
                        help="record when the report was written (off: output is stable)")
    parser.add_argument("--tool-version", default=default_version(), help=argparse.SUPPRESS)
    args = parser.parse_args()
    try:
        if args.fail_on == "new" and not args.baseline:
            raise Failure("--fail-on new needs --baseline FILE, a previous inventory.json")
        if args.base_dir and not os.path.isdir(args.base_dir):
            raise Failure("--base-dir %s is not a directory" % args.base_dir)
        if args.jobs < 1:
            raise Failure("-j needs a positive number")
        if args.source_url is not None and "{path}" not in args.source_url:
            raise Failure("--source-url needs {path} (and usually {line}) in it")
        started = time.time()
        with tempfile.TemporaryDirectory(prefix="stateless-report.") as work:
            if args.findings:
                if args.build or args.files or args.index:
                    raise Failure("--from reads findings already exported: leave out -p, "
                                  "--index and the files")
                findings, fixes, analysed = args.findings, args.fixes, ""
            else:
                if args.fixes:
                    raise Failure("--fixes filters findings already exported: give them "
                                  "with --from")
                if not args.build:
                    raise Failure("name the build directory with -p BUILD (or read exported "
                                  "findings with --from FINDINGS)")
                if not os.path.isdir(args.build):
                    raise Failure("-p %s is not a directory" % args.build)
                units = units_of(args.build, args.files)
                findings, fixes = run_checks(args, units, work)
                analysed = "%s analysed in %.1f s; " % (plural(len(units), "unit"),
                                                        time.time() - started)
            documents = [(path,) + read_findings(path) for path in findings_files(findings)]
            args.root = project_root(args, [unit for _, unit, _ in documents if unit])
            args.title = project_name(args, args.root)
            sources = Sources(args.root)
            keep = reported(fixes, sources) if fixes is not None else None
            inventory = Inventory(args.root, sources)
            for path, _, found in documents:
                add_findings(inventory, path, found, keep)
        inventory.finish()
        verdict = inventory.verdict()
        baseline = compare(inventory, args.baseline) if args.baseline else None
        os.makedirs(args.output, exist_ok=True)
        for name, text in (("index.html", page(args, inventory, verdict, baseline)),
                           ("inventory.md", markdown(args, inventory, verdict, baseline)),
                           ("inventory.json", inventory_json(args, inventory, verdict, baseline))):
            with open(os.path.join(args.output, name), "w", encoding="utf-8") as f:
                f.write(text)
        status("%swrote %s" % (analysed, os.path.join(args.output, "index.html")))
        print(verdict["text"], flush=True)
        if args.fail_on == "new" and baseline["new"]:
            status("error: %s of open state not in the baseline %s: %s" % (
                plural(len(baseline["new"]), "piece", "pieces"), args.baseline,
                ", ".join(baseline["new"])))
            return 1
        if args.fail_on == "open" and verdict["open"]:
            status("error: %s of open state" % plural(verdict["open"], "piece", "pieces"))
            return 1
    except Failure as e:
        status("error: %s" % e)
        return 2
    except OSError as e:
        status("error: %s: %s" % (e.filename or "", e.strerror))
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())

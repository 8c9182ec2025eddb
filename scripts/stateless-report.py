#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""stateless-report: the state inventory of a service.

    stateless-report -p build -o report           # run the checks, write the report
    stateless-report -p build -o report --index   # build or update the project index first
    stateless-report --from fixes.yaml -o report  # from findings already exported

Runs stateless-tidy over every unit of the compilation database (or of a
directory with compile_flags.txt) with the ReportAllowed and
ReportAllHandlers options and --export-fixes, and turns the findings into
one row per piece of state: its kind, where it is declared, every handler
that writes it, its annotation if accepted and where it should live
instead. Writes DIR/index.html (a self-contained page with a picture of
handlers and state), DIR/inventory.md (the verdict and the table, for a CI
job summary) and DIR/inventory.json (docs/inventory.schema.json).
See docs/report.md.
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
from stateless_fixes import (ALLOWED_NOTE, PATH_START, Failure, Sources,  # noqa: E402
                             default_version, read_diagnostics)

SCHEMA_VERSION = 1
SOURCES = re.compile(r"\.(c|cc|cpp|cxx|c\+\+|C|m|mm)$")
# What every unit is run with: the project's .clang-tidy, plus the options
# that report allowed state and every handler that writes a piece of state.
CONFIG = "{InheritParentConfig: true, CheckOptions: {ReportAllowed: true, ReportAllHandlers: true}}"

# --- What the diagnostics say ------------------------------------------------

# Kinds of state, in the order the report lists them: the check that finds
# it and what the report calls it.
KINDS = {
    "session-map": "session map",
    "mutable-global": "mutable global",
    "handler-member": "handler member",
    "captured-object": "captured object",
    "local-file": "local file",
    "job": "timer or scheduled job",
}
CHECK_KINDS = {
    "stateless-static-session-map": "session-map",
    "stateless-mutable-global": "mutable-global",
    "stateless-handler-member-state": "handler-member",
    "stateless-local-fs-write": "local-file",
    "stateless-instance-timer": "job",
}
IN_MEMORY = ("session-map", "mutable-global", "handler-member", "captured-object")
ANNOTATION_PROBLEM = re.compile(r"^STATELESS_ALLOW on ")
QUOTED = re.compile(r"'([^']*)'")
MODIFIED = re.compile(r"^'[^']*' is modified here$")
DECLARED = re.compile(r"^'[^']*' is declared here$")
# A handler path's first note (lib/HandlerModel.cpp, describeRoot), and the
# one ReportAllHandlers adds for each further handler, naming its calls.
ROOT = re.compile(r"^(?:also )?reached from (?:handler '(?P<name>[^']*)'|a handler lambda)"
                  r"(?P<how>.*?)(?:, via (?P<calls>'.*))?$", re.S)
REGISTRAR = re.compile(r"(?:registered here with|assigned here to) '(?:[\w:]*::)?([^':]*)'")
# A call on the path: "via call to 'f'", "via the lambda created here", ...
CALL_NAME = re.compile(r"^via (?:call to |the constructor of )?'([^']*)'")

# Where state should live instead (DESIGN.md, section 1). Accepted state is
# judged by its annotation's kind; open state by its kind, then by its name.
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


def advice(piece):
    if piece["accepted"]:
        return ACCEPTED_ADVICE.get(piece["accepted"]["kind"], ACCEPTED_ADVICE["other"])
    if piece["kind"] in KIND_ADVICE:
        return KIND_ADVICE[piece["kind"]]
    for pattern, text in NAME_ADVICE:
        if re.search(pattern, snake_case(piece["name"])):
            return text
    return DEFAULT_ADVICE


def kind_of(check, message):
    kind = CHECK_KINDS[check]
    # A member of an object handlers capture, rather than of a handler class.
    if kind == "handler-member" and "captured" in message:
        return "captured-object"
    return kind


def handler_of(message, location):
    """The handler a root note names: its id, name and how it is found."""
    m = ROOT.match(message)
    name = m.group("name") or ""
    how = m.group("how").strip(" ,")
    registrar = REGISTRAR.search(how)
    if name:
        handler_id, label = name, name
    else:
        # A lambda is known by where it is registered.
        where = "%s:%d" % (location["path"], location["line"]) if location else "?"
        handler_id = "lambda@" + where
        label = "lambda (%s%s)" % (registrar.group(1) + ", " if registrar else "", where)
    calls = QUOTED.findall(m.group("calls") or "")
    return {"id": handler_id, "name": name, "label": label, "how": how,
            "location": location}, calls


def call_name(message):
    m = CALL_NAME.match(message)
    return m.group(1) if m else "a lambda"


# --- From diagnostics to the inventory ------------------------------------------

class Inventory:
    def __init__(self, sources):
        self.sources = sources
        self.handlers = {}
        self.pieces = []
        self.problems = []

    def location(self, located):
        if not located["file"]:
            return None
        line, column, _ = self.sources.position(located["file"], located["offset"])
        path = self.sources.relative(located["file"])
        return {"path": path if path is not None else os.path.realpath(located["file"]),
                "line": line, "column": column}

    def add_handler(self, handler):
        known = self.handlers.setdefault(handler["id"], handler)
        # The same handler seen from another unit: keep one location.
        if known["location"] is None:
            known["location"] = handler["location"]
        return handler["id"]

    def add(self, diagnostic):
        check, main = diagnostic["check"], diagnostic["main"]
        if not check.startswith("stateless-"):
            return
        if ANNOTATION_PROBLEM.match(main["message"]) or check not in CHECK_KINDS:
            self.problems.append({"check": check, "message": main["message"],
                                  "location": self.location(main)})
            return
        piece = {"kind": kind_of(check, main["message"]), "check": check,
                 "name": (QUOTED.findall(main["message"]) or [""])[0],
                 "message": main["message"], "declared": self.location(main),
                 "write": None, "accepted": None, "writers": []}
        writers = {}
        for notes in diagnostic["units"]:
            shown = None
            for note in notes:
                text, where = note["message"], self.location(note)
                allowed = ALLOWED_NOTE.match(text)
                if allowed:
                    piece["accepted"] = {"kind": allowed.group(1), "reason": allowed.group(2),
                                         "location": where}
                elif MODIFIED.match(text) and piece["write"] is None:
                    piece["write"] = where
                elif DECLARED.match(text):
                    # Reported at a write in another unit: the declaration is here.
                    piece["write"], piece["declared"] = piece["declared"], where
                elif text.startswith(PATH_START) or text.startswith("also " + PATH_START):
                    handler, calls = handler_of(text, where)
                    hid = self.add_handler(handler)
                    shown = None
                    if text.startswith(PATH_START):
                        shown = writers[hid] = {"handler": hid, "calls": [], "steps": []}
                    elif hid not in writers:
                        writers[hid] = {"handler": hid, "calls": calls}
                elif text.startswith("via ") and shown is not None:
                    shown["calls"].append(call_name(text))
                    shown["steps"].append({"note": text, "location": where})
        if piece["kind"] in ("local-file", "job"):
            # Named by the call and the function it is in.
            function = ""
            for writer in writers.values():
                if "steps" in writer:
                    function = writer["calls"][-1] if writer["calls"] else \
                        self.handlers[writer["handler"]]["name"]
                    break
            if function and function != "a lambda":
                piece["name"] += " in " + function
        piece["writers"] = sorted(writers.values(), key=lambda w: (
            "steps" not in w, len(w["calls"]), self.handlers[w["handler"]]["label"]))
        piece["status"] = "accepted" if piece["accepted"] else "open"
        piece["liveInstead"] = advice(piece)
        piece["lostOnRestart"] = piece["status"] == "open" and (
            piece["kind"] in IN_MEMORY or piece["kind"] == "job")
        piece["divergesBetweenInstances"] = piece["status"] == "open" and (
            piece["kind"] in IN_MEMORY or piece["kind"] == "local-file")
        self.pieces.append(piece)

    def finish(self):
        """Sorted, with stable ids: kind, file and name (and a number when
        one file has several of the same name)."""
        def where(loc):
            return (loc["path"], loc["line"], loc["column"]) if loc else ("", 0, 0)
        self.pieces.sort(key=lambda p: where(p["declared"]) + (p["name"], p["check"]))
        seen = {}
        for piece in self.pieces:
            base = "%s:%s:%s" % (piece["kind"], piece["declared"]["path"] if piece["declared"]
                                 else "", piece["name"])
            seen[base] = seen.get(base, 0) + 1
            piece["id"] = base if seen[base] == 1 else "%s#%d" % (base, seen[base])
        self.problems.sort(key=lambda p: where(p["location"]) + (p["message"],))

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
    tidy = find_tool("stateless-tidy", args.stateless_tidy)
    if args.index:
        if not os.path.isfile(os.path.join(args.build, "compile_commands.json")):
            raise Failure("--index needs %s/compile_commands.json" % args.build)
        index = find_tool("stateless-index", args.stateless_index or
                          os.path.join(os.path.dirname(tidy), "stateless-index"))
        status("building the project index (%s -p %s)" % (index, args.build))
        if subprocess.call([index, "-p", args.build], stdout=sys.stderr):
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
             "--warnings-as-errors=-*", "--config=" + CONFIG, "--export-fixes=" + fixes, unit],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True)
        return unit, fixes, proc

    outputs, notices = [], []
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for unit, fixes, proc in pool.map(run, enumerate(units)):
            progress.step(os.path.relpath(unit, base))
            errors = len(re.findall(r"^\S.*: error: ", proc.stdout, re.M))
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
    return outputs


def status(message):
    sys.stderr.write("%s: %s\n" % (PROG, message))


# --- Writing the report ------------------------------------------------------------

def link(args, location):
    if not location:
        return ""
    if args.source_url:
        return args.source_url.replace("{path}", location["path"]).replace(
            "{line}", str(location["line"]))
    target = location["path"]
    if not os.path.isabs(target):
        target = os.path.relpath(os.path.join(args.base_dir, target), args.output)
    return pathname2url(target) + "#L%d" % location["line"]


def where(location):
    return "%s:%d" % (location["path"], location["line"]) if location else ""


def writer_text(inventory, writer):
    return " \u2192 ".join([inventory.handlers[writer["handler"]]["label"]] + writer["calls"])


def md_cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(args, inventory, verdict, baseline):
    out = ["# State inventory%s" % (": " + args.title if args.title else ""), "",
           "**%s**" % verdict["text"], ""]
    if baseline is not None:
        out += ["New open state since the baseline: %s." % (
            ", ".join("`%s`" % i for i in baseline["new"]) or "none"), ""]
    out += ["| state | kind | declared | written by | accepted | live instead |",
            "|---|---|---|---|---|---|"]
    for p in inventory.pieces:
        declared = "[%s](%s)" % (where(p["declared"]), link(args, p["declared"])) \
            if p["declared"] else ""
        writers = "<br>".join(md_cell(writer_text(inventory, w)) for w in p["writers"]) or \
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
                "verdict": verdict,
                "handlers": sorted(inventory.handlers.values(), key=lambda h: h["id"]),
                "state": [dict(p) for p in inventory.pieces],
                "problems": inventory.problems}
    for piece in document["state"]:
        piece["writers"] = [{k: w[k] for k in ("handler", "calls", "steps") if k in w}
                            for w in piece["writers"]]
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
.filters{margin:16px 0;display:flex;gap:16px;align-items:center}
svg{border:1px solid #d0d7de;border-radius:6px;max-width:100%;height:auto}
svg text{font:12px system-ui,sans-serif}
svg .node rect{fill:#fff;stroke:#8c959f}
svg .edge{fill:none;stroke-width:2;opacity:.8}
svg .accepted.edge{stroke-dasharray:6 4;opacity:.5}
svg .accepted rect{stroke-dasharray:4 3}
svg .dim{opacity:.08}
table{border-collapse:collapse;width:100%;margin-top:16px}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
tr.accepted td{color:#57606a}
code{font-size:13px}
.kind{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
.legend span{margin-right:14px;white-space:nowrap}
.new{color:#cf222e;font-weight:600}
"""
COLOURS = {"session-map": "#cf222e", "mutable-global": "#bf8700", "handler-member": "#8250df",
           "captured-object": "#1f6feb", "local-file": "#1a7f37", "job": "#e16f24"}
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


def truncate(text, width=40):
    return text if len(text) <= width else text[:width - 1] + "\u2026"


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
    row_h, top, width = 30, 20, 900
    height = top * 2 + row_h * max(len(handlers), len(pieces), 1)
    hy = {h: top + row_h * i + 10 for i, h in enumerate(handlers)}
    sy = {p["id"]: top + row_h * i + 10 for i, p in enumerate(pieces)}
    out = ['<svg id="picture" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'viewBox="0 0 %d %d" role="img" aria-label="handlers and the state they write">'
           % (width, height, width, height)]
    for hid, p in edges:
        y1, y2 = hy[hid] + 10, sy[p["id"]] + 10
        out.append('<path class="edge %s %s" data-handler="%s" data-state="%s" stroke="%s" '
                   'd="M270 %d C450 %d 450 %d 620 %d"/>' % (
                       p["kind"], p["status"], esc(hid), esc(p["id"]),
                       "#8c959f" if p["status"] == "accepted" else COLOURS[p["kind"]],
                       y1, y1, y2, y2))
    for hid in handlers:
        handler = inventory.handlers.get(hid, outside)
        out.append('<g class="handler node" data-id="%s"><title>%s</title>'
                   '<rect x="10" y="%d" width="260" height="20" rx="4"/>'
                   '<text x="18" y="%d">%s</text></g>' % (
                       esc(hid), esc(handler["label"]), hy[hid], hy[hid] + 14,
                       esc(truncate(handler["label"]))))
    for p in pieces:
        y = sy[p["id"]]
        out.append('<g class="state node %s" data-id="%s" data-kind="%s"><title>%s (%s, %s)'
                   '</title><rect x="620" y="%d" width="270" height="20" rx="4" '
                   'style="stroke:%s"/><text x="628" y="%d">%s</text></g>' % (
                       p["status"], esc(p["id"]), p["kind"], esc(p["name"]),
                       KINDS[p["kind"]], p["status"], y, COLOURS[p["kind"]], y + 14,
                       esc(truncate(p["name"]))))
    out.append("</svg>")
    return "\n".join(out)


def page(args, inventory, verdict, baseline):
    esc = html.escape
    title = "State inventory" + (": " + args.title if args.title else "")
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
           "<table><thead><tr><th>state</th><th>kind</th><th>declared</th><th>written by</th>"
           "<th>accepted</th><th>live instead</th></tr></thead><tbody>"]
    for p in inventory.pieces:
        declared = '<a href="%s">%s</a>' % (esc(link(args, p["declared"])),
                                            esc(where(p["declared"]))) if p["declared"] else ""
        writers = "<br>".join(esc(writer_text(inventory, w)) for w in p["writers"]) or \
            "outside handlers"
        accepted = "<b>%s</b>: %s" % (esc(p["accepted"]["kind"]), esc(p["accepted"]["reason"])) \
            if p["accepted"] else "open"
        out.append(
            '<tr class="state %s" data-id="%s" data-kind="%s" data-status="%s" '
            'data-handlers="%s"><td><code>%s</code>%s</td><td><span class="kind" '
            'style="background:%s"></span>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>'
            '</tr>' % (
                p["status"], esc(p["id"]), p["kind"], p["status"],
                esc(" ".join(w["handler"] for w in p["writers"])), esc(p["name"]),
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
    parser.add_argument("--from", dest="fixes", nargs="+", metavar="FIXES",
                        help="read findings exported with --export-fixes (and the options "
                        "ReportAllowed and ReportAllHandlers) instead of running the checks")
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
    parser.add_argument("--base-dir", default=".",
                        help="project root that paths are relative to (default: .)")
    parser.add_argument("--source-url", help="link template for source locations, with "
                        "{path} and {line}, e.g. https://github.com/ORG/REPO/blob/SHA/{path}#L{line} "
                        "(default: relative links to the files)")
    parser.add_argument("--title", default="", help="the service's name, for the headings")
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
        if not os.path.isdir(args.base_dir):
            raise Failure("--base-dir %s is not a directory" % args.base_dir)
        if args.jobs < 1:
            raise Failure("-j needs a positive number")
        if args.source_url is not None and "{path}" not in args.source_url:
            raise Failure("--source-url needs {path} (and usually {line}) in it")
        started = time.time()
        with tempfile.TemporaryDirectory(prefix="stateless-report.") as work:
            if args.fixes:
                if args.build or args.files or args.index:
                    raise Failure("--from reads findings already exported: leave out -p, "
                                  "--index and the files")
                fixes, analysed = args.fixes, ""
            else:
                if not args.build:
                    raise Failure("name the build directory with -p BUILD (or read exported "
                                  "findings with --from FIXES)")
                if not os.path.isdir(args.build):
                    raise Failure("-p %s is not a directory" % args.build)
                units = units_of(args.build, args.files)
                fixes = run_checks(args, units, work)
                analysed = "%s analysed in %.1f s; " % (plural(len(units), "unit"),
                                                        time.time() - started)
            inventory = Inventory(Sources(args.base_dir))
            for diagnostic in read_diagnostics(fixes):
                inventory.add(diagnostic)
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

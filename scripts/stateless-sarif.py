#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Turn clang-tidy's --export-fixes YAML into SARIF 2.1.0 or GitLab Code Quality.

    stateless-tidy -p build --export-fixes=fixes.yaml src/*.cpp
    stateless-sarif.py --base-dir . -o stateless.sarif fixes.yaml

The input is the YAML that clang-tidy (plugin or stateless-tidy) and
run-clang-tidy write with --export-fixes: it carries each diagnostic's check,
message, file offset and notes, unlike the text output, whose file:line:col
prefix is ambiguous for paths with colons and whose notes are not tied to
their warning. Several files may be given (one per translation unit); a
diagnostic in a header that several units include is reported once, with
the notes of every unit.

SARIF: one rule per stateless-* check and per other check present
(stateless-* rules link to their page under --docs-url); each result has its
location relative to --base-dir (uriBaseId %SRCROOT%), its notes as
relatedLocations linked from the message, each handler path as a codeFlow,
and a partialFingerprint that does not change when lines move. Findings run
with the ReportAllowed option (see docs/ci.md) whose note says
"allowed by STATELESS_ALLOW(...)" become results with an inSource
suppression. The YAML of `stateless-index --findings --baseline` gives each
result its baselineState (new, unchanged) against the pull request's base.
"""

import argparse
import hashlib
import json
import os
import re
import sys
from urllib.parse import quote, urljoin, urlparse
from urllib.request import pathname2url

PROG = "stateless-sarif.py"
HERE = os.path.dirname(os.path.realpath(__file__))
# The shared reader: beside the script in the source tree, in
# share/stateless-tidy when installed.
sys.path[:0] = [HERE, os.path.join(HERE, os.pardir, "share", "stateless-tidy")]
from stateless_fixes import (ALLOWED_NOTE, PATH_START, Failure, Sources,  # noqa: E402
                             default_version, read_diagnostics)
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# Markdown in the check pages' first paragraphs: links, **bold**, `code`.
MARKDOWN = re.compile(r"\[([^\]]*)\]\([^)]*\)|`([^`]*)`|\*\*")
# Characters escaped in the text of a SARIF embedded link, [text](id).
LINK_TEXT_ESCAPE = re.compile(r"[\\\[\]]")
GITLAB_SEVERITY = {"error": "critical", "warning": "major", "note": "info"}


# --- Rules -------------------------------------------------------------------

def default_docs_dir():
    """docs/checks beside the script in a source tree, or the installed docs."""
    for candidate in (os.path.join(HERE, os.pardir, "docs", "checks"),
                      os.path.join(HERE, os.pardir, "share", "doc", "stateless-tidy", "checks")):
        if os.path.isdir(candidate):
            return os.path.normpath(candidate)
    return ""


def rule(check, docs_dir, docs_url):
    # SARIF wants a readable PascalCase name besides the id.
    name = "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", check))
    entry = {"id": check, "name": name}
    page = os.path.join(docs_dir, check + ".md") if docs_dir else ""
    if check.startswith("stateless-") and page and os.path.isfile(page):
        with open(page, encoding="utf-8") as f:
            text = f.read()
        # The page's first paragraph says what the check finds.
        paragraphs = [p for p in text.split("\n\n") if p.strip() and not p.startswith("#")]
        summary = " ".join(paragraphs[0].split()) if paragraphs else check
        plain = MARKDOWN.sub(lambda m: m.group(1) or m.group(2) or "", summary)
        entry["shortDescription"] = {"text": plain.split(". ")[0].rstrip(".") + ".",
                                     "markdown": summary.split(". ")[0].rstrip(".") + "."}
        entry["fullDescription"] = {"text": plain, "markdown": summary}
        entry["help"] = {"text": text, "markdown": text}
    if check.startswith("stateless-"):
        entry["helpUri"] = docs_url + check + ".md"
    elif "-" in check and not check.startswith("clang-diagnostic-"):
        # Upstream checks: clang-tidy's documentation, by module.
        module, name = ("clang-analyzer", check[len("clang-analyzer-"):]) \
            if check.startswith("clang-analyzer-") else check.split("-", 1)
        entry["helpUri"] = ("https://clang.llvm.org/extra/clang-tidy/checks/%s/%s.html"
                            % (module, name))
    return entry


# --- Results -----------------------------------------------------------------

def artifact(sources, path):
    """An artifactLocation: relative to %SRCROOT% inside --base-dir."""
    relative = sources.relative(path)
    if relative is None:
        return {"uri": "file://" + pathname2url(os.path.realpath(path))}
    return {"uri": quote(relative), "uriBaseId": "%SRCROOT%"}


def physical_location(sources, located):
    line, column, _ = sources.position(located["file"], located["offset"])
    return {"physicalLocation": {"artifactLocation": artifact(sources, located["file"]),
                                 "region": {"startLine": line, "startColumn": column}}}


def fingerprint(check, artifact, message, line_text):
    """Check, file, message and the text of the line with its whitespace
    normalised: no line number, so moving code keeps it."""
    text = "\0".join([check, artifact.get("uri", ""), message, " ".join(line_text.split())])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def result(diagnostic, rule_index, sources, occurrences):
    main = diagnostic["main"]
    out = {"ruleId": diagnostic["check"], "ruleIndex": rule_index,
           "level": diagnostic["level"], "message": {"text": main["message"]}}
    if "baseline" in diagnostic:
        out["baselineState"] = diagnostic["baseline"]
    if main["file"]:
        location = physical_location(sources, main)
        out["locations"] = [location]
        _, _, line_text = sources.position(main["file"], main["offset"])
        base = fingerprint(diagnostic["check"],
                           location["physicalLocation"]["artifactLocation"],
                           main["message"], line_text)
        # Identical findings on identical lines are told apart by their order.
        occurrences[base] = occurrences.get(base, 0) + 1
        out["partialFingerprints"] = {"statelessFingerprint/v1": "%s:%d" % (base, occurrences[base])}

    steps, paths, suppressions = [], [], []
    for notes in diagnostic["units"]:
        flow = []
        for note in notes:
            allowed = ALLOWED_NOTE.match(note["message"])
            location = physical_location(sources, note) if note["file"] else {}
            if allowed:
                suppression = {"kind": "inSource", "status": "accepted",
                               "justification": "%s: %s" % allowed.groups()}
                if location:
                    suppression["location"] = location
                if suppression not in suppressions:
                    suppressions.append(suppression)
            elif location:
                flow.append(dict(location, message={"text": note["message"]}))
        steps += [step for step in flow if step not in steps]
        path = handler_path(flow, out.get("locations"), main["message"])
        if path and path not in paths:
            paths.append(path)
    if steps:
        # Related locations are shown where the message links to them.
        out["relatedLocations"] = [dict(step, id=i) for i, step in enumerate(steps, 1)]
        out["message"]["text"] += ". See %s." % ", ".join(
            "[%s](%d)" % (LINK_TEXT_ESCAPE.sub(r"\\\g<0>", step["message"]["text"]), i)
            for i, step in enumerate(steps, 1))
    if paths:
        out["codeFlows"] = [{"threadFlows": [{"locations": [{"location": s} for s in path]}]}
                            for path in paths]
    if suppressions:
        out["suppressions"] = suppressions
    return out


def handler_path(flow, locations, message):
    """The handler path of one unit's notes in request order: the handler, the
    calls, then what it does (the write shown in a note, or the finding)."""
    starts = [i for i, step in enumerate(flow) if step["message"]["text"].startswith(PATH_START)]
    if not starts or not locations:
        return None
    path, before = flow[starts[0]:], flow[:starts[0]]
    return path + (before or [dict(locations[0], message={"text": message})])


def sarif(diagnostics, sources, docs_dir, docs_url, tool_version):
    # Every stateless-* check with a page, reported or not, and the others
    # that reported something.
    pages = os.listdir(docs_dir) if docs_dir and os.path.isdir(docs_dir) else []
    checks = sorted({d["check"] for d in diagnostics} |
                    {p[:-3] for p in pages if p.startswith("stateless-") and p.endswith(".md")})
    index = {check: i for i, check in enumerate(checks)}
    occurrences = {}
    driver = {"name": "stateless-tidy", "informationUri": urljoin(docs_url, ".."),
              "rules": [rule(c, docs_dir, docs_url) for c in checks]}
    if tool_version:
        driver["version"] = tool_version
    run = {"tool": {"driver": driver},
           "originalUriBaseIds": {"%SRCROOT%": {"uri": "file://" + pathname2url(sources.base_dir) + "/"}},
           "columnKind": "unicodeCodePoints",
           "results": [result(d, index[d["check"]], sources, occurrences) for d in diagnostics]}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def gitlab(log, diagnostics):
    """GitLab Code Quality: open findings with a location, described by their
    message (without SARIF's links to the notes)."""
    issues = []
    for r, diagnostic in zip(log["runs"][0]["results"], diagnostics):
        if "suppressions" in r or "locations" not in r:
            continue
        physical = r["locations"][0]["physicalLocation"]
        issues.append({"description": diagnostic["main"]["message"], "check_name": r["ruleId"],
                       "fingerprint": r["partialFingerprints"]["statelessFingerprint/v1"],
                       "severity": GITLAB_SEVERITY[r["level"]],
                       "location": {"path": physical["artifactLocation"]["uri"],
                                    "lines": {"begin": physical["region"]["startLine"]}}})
    return issues


def main():
    parser = argparse.ArgumentParser(
        prog=PROG, description="Convert clang-tidy --export-fixes YAML to SARIF 2.1.0 "
        "or GitLab Code Quality JSON.")
    parser.add_argument("fixes", nargs="+", help="YAML files written by --export-fixes")
    parser.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    parser.add_argument("--format", choices=("sarif", "gitlab"), default="sarif")
    parser.add_argument("--base-dir", default=".",
                        help="root that URIs are relative to (%%SRCROOT%%; default: .)")
    parser.add_argument("--docs-dir", default=default_docs_dir(),
                        help="directory of the stateless-* check pages, for rule "
                        "descriptions (default: the docs beside this script)")
    parser.add_argument("--docs-url", default=None,
                        help="absolute URL the check pages are published under; the "
                        "documentation root above it is the tool's informationUri "
                        "(default: a file: URL of --docs-dir)")
    parser.add_argument("--tool-version", default=default_version(),
                        help="version of stateless-tidy to record (default: %(default)s, "
                        "this script's own)")
    args = parser.parse_args()
    docs_url = args.docs_url
    if docs_url is None:
        docs_url = "file://" + pathname2url(os.path.abspath(args.docs_dir or ".")) + "/"
    try:
        if not urlparse(docs_url).scheme:
            raise Failure("--docs-url %s is not an absolute URL (https://... or file://...)"
                          % docs_url)
        docs_url = docs_url.rstrip("/") + "/"
        if not os.path.isdir(args.base_dir):
            raise Failure("--base-dir %s is not a directory" % args.base_dir)
        sources = Sources(args.base_dir)
        diagnostics = read_diagnostics(args.fixes)
        log = sarif(diagnostics, sources, args.docs_dir, docs_url, args.tool_version)
        text = json.dumps(gitlab(log, diagnostics) if args.format == "gitlab" else log,
                          indent=2) + "\n"
        if args.output == "-":
            sys.stdout.write(text)
        else:
            with open(args.output, "w", encoding="utf-8") as f:
                f.write(text)
    except Failure as e:
        sys.stderr.write("%s: error: %s\n" % (PROG, e))
        return 1
    except OSError as e:
        sys.stderr.write("%s: error: %s: %s\n" % (PROG, e.filename or "", e.strerror))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

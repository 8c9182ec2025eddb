#!/usr/bin/env python3
"""Prints a SARIF log one line per rule and per result, for FileCheck:

    rule stateless-mutable-global help=<helpUri> short=<shortDescription>
    result stateless-mutable-global warning main.cpp:38:42 base=%SRCROOT% related=2 flow=2 fingerprint=<hash>:1 suppressed=inSource:<justification>
    related <message>

--fingerprints prints only "ruleId fingerprint message" per result, sorted,
to compare two runs.
"""
import json
import sys


def where(location):
    physical = location["physicalLocation"]
    region = physical.get("region", {})
    return "%s:%s:%s" % (physical["artifactLocation"]["uri"], region.get("startLine"),
                         region.get("startColumn"))


def main():
    fingerprints_only = sys.argv[1] == "--fingerprints"
    with open(sys.argv[-1]) as f:
        run = json.load(f)["runs"][0]
    lines = []
    if not fingerprints_only:
        for rule in run["tool"]["driver"]["rules"]:
            lines.append("rule %s help=%s short=%s" % (
                rule["id"], rule.get("helpUri", ""), rule.get("shortDescription", {}).get("text", "")))
    for r in run["results"]:
        fingerprint = r.get("partialFingerprints", {}).get("statelessFingerprint/v1", "none")
        if fingerprints_only:
            lines.append("%s %s %s" % (r["ruleId"], fingerprint, r["message"]["text"]))
            continue
        flows = r.get("codeFlows", [])
        steps = flows[0]["threadFlows"][0]["locations"] if flows else []
        suppressions = r.get("suppressions", [])
        lines.append("result %s %s %s base=%s related=%d flow=%d fingerprint=%s suppressed=%s" % (
            r["ruleId"], r["level"], where(r["locations"][0]),
            r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId", "none"),
            len(r.get("relatedLocations", [])), len(steps), fingerprint,
            ",".join("%s:%s" % (s["kind"], s.get("justification", "")) for s in suppressions) or "no"))
        lines.append("  message %s" % r["message"]["text"])
        for step in steps:
            lines.append("  flow %s %s" % (where(step["location"]), step["location"]["message"]["text"]))
    print("\n".join(sorted(lines) if fingerprints_only else lines))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Prints a SARIF log one line per tool, rule and result, for FileCheck:

    tool stateless-tidy version=0.1.0 info=<informationUri>
    rule stateless-mutable-global name=StatelessMutableGlobal help=<helpUri> short=<shortDescription>
    result stateless-mutable-global warning main.cpp:38:42 base=%SRCROOT% related=2 flow=2 fingerprint=<hash>:1 suppressed=inSource:<justification> paths=1
      message <text>
      flow main.cpp:125:10 <message>     (the steps of each code flow in turn)

flow= counts the steps of the first code flow, paths= the code flows.

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
        driver = run["tool"]["driver"]
        lines.append("tool %s version=%s info=%s" % (
            driver["name"], driver.get("version", ""), driver.get("informationUri", "")))
        for rule in driver["rules"]:
            lines.append("rule %s name=%s help=%s short=%s" % (
                rule["id"], rule.get("name", ""), rule.get("helpUri", ""),
                rule.get("shortDescription", {}).get("text", "")))
    for r in run["results"]:
        fingerprint = r.get("partialFingerprints", {}).get("statelessFingerprint/v1", "none")
        if fingerprints_only:
            lines.append("%s %s %s" % (r["ruleId"], fingerprint, r["message"]["text"]))
            continue
        paths = [flow["threadFlows"][0]["locations"] for flow in r.get("codeFlows", [])]
        suppressions = r.get("suppressions", [])
        lines.append("result %s %s %s base=%s related=%d flow=%d fingerprint=%s suppressed=%s paths=%d" % (
            r["ruleId"], r["level"], where(r["locations"][0]),
            r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId", "none"),
            len(r.get("relatedLocations", [])), len(paths[0]) if paths else 0, fingerprint,
            ",".join("%s:%s" % (s["kind"], s.get("justification", "")) for s in suppressions) or "no",
            len(paths)))
        lines.append("  message %s" % r["message"]["text"])
        for step in (step for path in paths for step in path):
            lines.append("  flow %s %s" % (where(step["location"]), step["location"]["message"]["text"]))
    print("\n".join(sorted(lines) if fingerprints_only else lines))


if __name__ == "__main__":
    main()

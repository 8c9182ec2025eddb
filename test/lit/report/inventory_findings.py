#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""The rows of an inventory.json (and its annotation problems) as
../findings.py prints the checks' own findings,
`<file name>:<line>: <message> [<check>]`, sorted, so that diff shows any
finding the report left out or added. A row is at its declaration, where
the checks report state whose definition the unit holds."""

import json
import os
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    inventory = json.load(f)
rows = set()
for piece in inventory["state"] + inventory["problems"]:
    where = piece["declared"] if "declared" in piece else piece["location"]
    rows.add((os.path.basename(where["path"]), where["line"], piece["message"], piece["check"]))
for name, line, message, check in sorted(rows):
    print("%s:%d: %s [%s]" % (name, line, message, check))

#!/usr/bin/env python3
"""Part K of N of ./compile_commands.json into ./shard-K/, round robin: the
split of docs/install.md's distributed recipes.

    split-database.py K N
"""
import json
import os
import sys

k, n = int(sys.argv[1]), int(sys.argv[2])
units = json.load(open("compile_commands.json"))
os.makedirs("shard-%d" % k, exist_ok=True)
json.dump(units[k::n], open("shard-%d/compile_commands.json" % k, "w"))

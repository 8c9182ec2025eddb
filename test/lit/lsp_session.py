#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Drives a language server through an editing session, as an editor does,
and prints what it publishes.

    lsp_session.py [--timeout S] STEP... -- SERVER [ARG...]

Runs in the current directory (the project's root). Each STEP is one
argument:

    open:FILE            textDocument/didOpen of FILE
    wait:FILE:N[:M]      waits for a publishDiagnostics of FILE with N
                         diagnostics (and M notes in all) and prints them;
                         the others for FILE are skipped
    save:FILE:FROM       writes FROM's contents into FILE (an editor saving
                         an edit): didChange with the whole text, then didSave
    indexed:N            waits until N `$/progress` have ended in all
    run:COMMAND          runs COMMAND with the shell; fails if it fails

Announces `window.workDoneProgress`, answers the server's requests with
null and prints each `$/progress` begin and end as it comes:

    progress begin: stateless-index
    progress end: project index updated

Every wait prints its time since the step before on stderr. Fails with one
line on stderr, after the server's log, when a wait times out.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_diagnostics import Failure, format_diagnostics, run_session, uri_path  # noqa: E402


class Editor:
    def __init__(self, session, root):
        self.session = session
        self.root = root
        self.versions = {}
        self.last = time.monotonic()
        self.progress_ended = 0

    def start(self):
        self.session.request("initialize", {
            "processId": os.getpid(), "rootUri": Path(self.root).as_uri(),
            "capabilities": {
                "window": {"workDoneProgress": True},
                "textDocument": {"publishDiagnostics": {"relatedInformation": True}}}})
        self.session.notify("initialized", {})

    def uri(self, name):
        return Path(os.path.join(self.root, name)).as_uri()

    def open(self, name):
        with open(os.path.join(self.root, name), encoding="utf-8") as f:
            text = f.read()
        self.versions[name] = 1
        self.session.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri(name), "languageId": "cpp", "version": 1, "text": text}})

    def save(self, name, source):
        with open(source, encoding="utf-8") as f:
            text = f.read()
        self.versions[name] += 1
        self.session.notify("textDocument/didChange", {
            "textDocument": {"uri": self.uri(name), "version": self.versions[name]},
            "contentChanges": [{"text": text}]})
        with open(os.path.join(self.root, name), "w", encoding="utf-8") as f:
            f.write(text)
        self.session.notify("textDocument/didSave", {
            "textDocument": {"uri": self.uri(name)}})
        self.last = time.monotonic()

    def receive(self, awaited):
        """The next message; prints a `$/progress` begin or end."""
        message = self.session.receive(awaited)
        if message.get("method") == "$/progress":
            value = message["params"]["value"]
            if value["kind"] in ("begin", "end"):
                print("progress %s: %s" % (value["kind"],
                                           value.get("title") or value.get("message")))
            self.progress_ended += value["kind"] == "end"
        return message

    def indexed(self, count):
        while self.progress_ended < count:
            self.receive("%d progress ends" % count)

    def wait(self, name, count, notes):
        path = os.path.join(self.root, name)
        while True:
            message = self.receive("%d diagnostics for %s" % (count, name))
            method = message.get("method")
            if method == "textDocument/publishDiagnostics":
                params = message["params"]
                found = params["diagnostics"]
                related = sum(len(d.get("relatedInformation", [])) for d in found)
                if uri_path(params["uri"]) == path and len(found) == count and \
                        notes in (None, related):
                    sys.stderr.write("%s: %d diagnostics after %.2f s\n" % (
                        name, count, time.monotonic() - self.last))
                    self.last = time.monotonic()
                    print("\n".join(format_diagnostics(path, params["diagnostics"], self.root)))
                    return


def main():
    argv = sys.argv[1:]
    timeout = 120.0
    if argv[:1] == ["--timeout"]:
        timeout = float(argv[1])
        argv = argv[2:]
    if "--" not in argv:
        sys.exit("lsp_session.py: usage: lsp_session.py [--timeout S] STEP... -- SERVER [ARG...]")
    split = argv.index("--")
    steps, command = argv[:split], argv[split + 1:]
    def play(session):
        editor = Editor(session, os.getcwd())
        editor.start()
        for step in steps:
            kind, _, rest = step.partition(":")
            if kind == "open":
                editor.open(rest)
            elif kind == "wait":
                name, count, notes = (rest.split(":") + [None])[:3]
                editor.wait(name, int(count), notes and int(notes))
            elif kind == "indexed":
                editor.indexed(int(rest))
            elif kind == "save":
                name, _, source = rest.partition(":")
                editor.save(name, source)
            elif kind == "run":
                if subprocess.call(rest, shell=True) != 0:
                    raise Failure("the step failed: %s" % rest)
            else:
                raise Failure("unknown step: %s" % step)
            sys.stdout.flush()
        session.close()

    run_session(command, timeout, "lsp_session.py", play)

if __name__ == "__main__":
    main()

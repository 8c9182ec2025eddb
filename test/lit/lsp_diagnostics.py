#!/usr/bin/env python3
# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Open files in a language server the way an editor does and print the
diagnostics it publishes for them.

    lsp_diagnostics.py [--timeout S] FILE... -- SERVER [ARG...]

Runs SERVER with the LSP session on its stdin/stdout: `initialize` (announcing
`relatedInformation` support, so that clangd sends notes as related
information rather than folding them into the message), `initialized`, one
`textDocument/didOpen` per FILE, waits for the first
`textDocument/publishDiagnostics` of each, then `shutdown` and `exit`. Prints,
per FILE and sorted by position, with 1-based lines and columns:

    == main.cpp: 2 diagnostics
    main.cpp:38:42: warning: <message> [<code>] (<source>) <codeDescription.href>
      main.cpp:69:3: note: <related information message>

Paths are relative to the first FILE's directory. Fails with one line on
stderr, after the server's log, when the server does not answer within
--timeout seconds, exits or answers with an error.
"""

import argparse
import json
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

SEVERITY = {1: "error", 2: "warning", 3: "info", 4: "hint"}


class Failure(Exception):
    pass


class Session:
    def __init__(self, command, log, timeout):
        self.deadline = time.monotonic() + timeout
        self.timeout = timeout
        self.buffer = b""
        self.next_id = 1
        try:
            self.server = subprocess.Popen(command, stdin=subprocess.PIPE,
                                           stdout=subprocess.PIPE, stderr=log)
        except OSError as error:
            raise Failure("cannot run %s: %s" % (command[0], error.strerror))

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode("utf-8")
        try:
            self.server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.server.stdin.flush()
        except BrokenPipeError:
            raise Failure("the server exited (status %s) before %s" % (
                self.server.wait(), message.get("method")))

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params):
        """Sends a request and returns its result, handling what comes first."""
        ident = self.next_id
        self.next_id += 1
        self.send({"id": ident, "method": method, "params": params})
        while True:
            message = self.receive("the answer to %s" % method)
            if message.get("id") == ident and "method" not in message:
                if "error" in message:
                    raise Failure("%s failed: %s" % (method, message["error"].get("message")))
                return message.get("result")

    def read_some(self, waiting_for):
        remaining = self.deadline - time.monotonic()
        ready = select.select([self.server.stdout], [], [], max(remaining, 0))[0]
        if not ready:
            raise Failure("timed out after %g s waiting for %s" % (self.timeout, waiting_for))
        chunk = os.read(self.server.stdout.fileno(), 65536)
        if not chunk:
            raise Failure("the server exited (status %s) while waiting for %s" % (
                self.server.wait(), waiting_for))
        self.buffer += chunk

    def receive(self, waiting_for):
        """The next message; requests from the server are answered with null."""
        while b"\r\n\r\n" not in self.buffer:
            self.read_some(waiting_for)
        header, _, rest = self.buffer.partition(b"\r\n\r\n")
        length = None
        for line in header.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise Failure("a message from the server has no Content-Length: %r" % header)
        while len(rest) < length:
            self.read_some(waiting_for)
            rest = self.buffer.partition(b"\r\n\r\n")[2]
        self.buffer = rest[length:]
        message = json.loads(rest[:length].decode("utf-8"))
        if "method" in message and "id" in message:
            self.send({"id": message["id"], "result": None})
        return message

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            status = self.server.wait(max(self.deadline - time.monotonic(), 1))
        except subprocess.TimeoutExpired:
            raise Failure("the server did not exit after shutdown and exit")
        if status != 0:
            raise Failure("the server exited with status %d after shutdown" % status)


def run_session(command, timeout, tool, body):
    """BODY(session) with SERVER running; on a failure, the server's log and
    one line on stderr, and exit status 1."""
    with tempfile.TemporaryFile() as log:
        session = None
        try:
            session = Session(command, log, timeout)
            return body(session)
        except Failure as failure:
            if session:
                session.server.kill()
                session.server.wait()
            log.seek(0)
            server_log = log.read().decode("utf-8", "replace")
            if server_log:
                sys.stderr.write("--- server log ---\n%s\n" % server_log)
            sys.exit("%s: %s" % (tool, failure))


def uri_path(uri):
    return unquote(urlparse(uri).path)


def show_path(uri, root):
    path = uri_path(uri)
    return os.path.relpath(path, root) if path.startswith(root + os.sep) else path


def position(range_):
    start = range_["start"]
    return "%d:%d" % (start["line"] + 1, start["character"] + 1)


def format_diagnostics(path, diagnostics, root):
    name = os.path.relpath(path, root)
    lines = ["== %s: %d diagnostics" % (name, len(diagnostics))]
    def key(d):
        start = d["range"]["start"]
        return (start["line"], start["character"], str(d.get("code", "")), d["message"])
    for d in sorted(diagnostics, key=key):
        lines.append("%s:%s: %s: %s [%s] (%s) %s" % (
            name, position(d["range"]), SEVERITY.get(d.get("severity"), "?"),
            d["message"].replace("\n", "\\n"), d.get("code", ""), d.get("source", ""),
            d.get("codeDescription", {}).get("href", "")))
        for note in d.get("relatedInformation", []):
            location = note["location"]
            lines.append("  %s:%s: note: %s" % (show_path(location["uri"], root),
                                                position(location["range"]),
                                                note["message"].replace("\n", "\\n")))
    return lines


def collect(files, session, root):
    session.request("initialize", {
        "processId": os.getpid(), "rootUri": Path(root).as_uri(),
        "capabilities": {"textDocument": {"publishDiagnostics": {"relatedInformation": True}}}})
    session.notify("initialized", {})
    pending = set()
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        session.notify("textDocument/didOpen", {"textDocument": {
            "uri": Path(path).as_uri(), "languageId": "c" if path.endswith(".c") else "cpp",
            "version": 1, "text": text}})
        pending.add(path)
    published = {}
    while pending:
        message = session.receive("textDocument/publishDiagnostics for %s" %
                                  ", ".join(sorted(pending)))
        if message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            path = uri_path(params["uri"])
            if path in pending:
                pending.remove(path)
                published[path] = params["diagnostics"]
    session.close()
    return [line for path in files for line in format_diagnostics(path, published[path], root)]


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit("lsp_diagnostics.py: usage: lsp_diagnostics.py [--timeout S] FILE... -- "
                 "SERVER [ARG...]")
    split = argv.index("--")
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]
    files = [os.path.abspath(f) for f in args.files]
    root = os.path.dirname(files[0])

    lines = run_session(command, args.timeout, "lsp_diagnostics.py",
                        lambda session: collect(files, session, root))
    print("\n".join(lines))


if __name__ == "__main__":
    main()

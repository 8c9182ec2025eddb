# Part of the stateless-tidy Project, under the Apache License v2.0 with LLVM
# Exceptions. See LICENSE.TXT for license information.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception

"""Reading clang-tidy's --export-fixes YAML: the diagnostics of the stateless-*
checks with their notes, merged over the files of several translation units,
and their positions in the sources. Shared by stateless-sarif.py and
stateless-report.
"""

import os
import re

# The note the checks add under ReportAllowed (StatelessCheck::emitAllowedNote).
ALLOWED_NOTE = re.compile(r"^allowed by STATELESS_ALLOW\((\w+)\): (.*)$", re.S)
# The first note of a handler path (lib/HandlerModel.cpp, describeRoot).
PATH_START = "reached from "
LEVELS = {"Error": "error", "Warning": "warning", "Remark": "note"}
# stateless-tidy's version: CMake writes it into the installed copy of this
# module; in a source tree it is read from project(VERSION) in CMakeLists.txt.
VERSION = "@PROJECT_VERSION@"


class Failure(Exception):
    """A problem with the input, reported as one line without a traceback."""


# --- Reading the YAML ------------------------------------------------------
# clang-tidy writes it with LLVM's YAML I/O, run-clang-tidy merges files with
# PyYAML: block mappings and sequences, scalars plain, 'single-quoted' or
# "double-quoted" with escapes (PyYAML folds long ones over several lines),
# and [] or {} when empty. That subset is all this reader accepts.

DOUBLE_ESCAPE = re.compile(r'\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n",
                  "v": "\v", "f": "\f", "r": "\r", "e": "\x1b", " ": " ",
                  '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
                  "L": "\u2028", "P": "\u2029"}


def yaml_scalar(text):
    if text == "[]":
        return []
    if text == "{}":
        return {}
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        def unescape(match):
            code = match.group(1)
            if code[0] in "xuU" and len(code) > 1:
                return chr(int(code[1:], 16))
            return SIMPLE_ESCAPES.get(code, code)
        return DOUBLE_ESCAPE.sub(unescape, text[1:-1])
    return text


def parse_yaml(text, name):
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        content = raw.strip()
        if content and not content.startswith("#") and content not in ("---", "..."):
            lines.append([number, len(raw) - len(raw.lstrip(" ")), content])
    if not lines:
        return None

    def error(i):
        raise Failure("%s:%d: not the YAML clang-tidy writes with --export-fixes"
                      % (name, lines[i][0]))

    def block(i, indent):
        if lines[i][2] == "-" or lines[i][2].startswith("- "):
            items = []
            while i < len(lines) and lines[i][1] == indent and lines[i][2].startswith("-"):
                rest = lines[i][2][1:].lstrip(" ")
                if not rest:
                    error(i)
                # The item's first key sits where its text starts.
                lines[i][1:] = [indent + len(lines[i][2]) - len(rest), rest]
                value, i = block(i, lines[i][1])
                items.append(value)
            return items, i
        mapping = {}
        while i < len(lines) and lines[i][1] == indent and not lines[i][2].startswith("- "):
            key, colon, rest = lines[i][2].partition(":")
            if not colon or (rest and not rest.startswith(" ")):
                error(i)
            i += 1
            rest = rest.strip()
            # A folded scalar goes on in more indented lines; in a double-quoted
            # one, a backslash at the end of a line joins without a space.
            while rest and i < len(lines) and lines[i][1] > indent:
                if rest[0] == '"' and rest.endswith("\\"):
                    rest = rest[:-1] + lines[i][2]
                else:
                    rest += " " + lines[i][2]
                i += 1
            if rest:
                mapping[key] = yaml_scalar(rest)
            elif i < len(lines) and (lines[i][1] > indent or
                                     (lines[i][1] == indent and lines[i][2].startswith("- "))):
                mapping[key], i = block(i, lines[i][1])
            else:
                mapping[key] = None
        return mapping, i

    value, end = block(0, lines[0][1])
    if end < len(lines):
        error(end)
    return value


# --- Sources and positions ---------------------------------------------------

class Sources:
    """Reads each source file once, to turn offsets into lines and columns."""

    def __init__(self, base_dir):
        self.base_dir = os.path.realpath(base_dir)
        self.files = {}
        self.lines = {}

    def content(self, path):
        if path not in self.files:
            try:
                with open(path, "rb") as f:
                    self.files[path] = f.read()
            except OSError as e:
                raise Failure("cannot read %s, named by the diagnostics: %s"
                              % (path, e.strerror))
        return self.files[path]

    def position(self, path, offset):
        """1-based line, column in Unicode code points, and the line's text."""
        data = self.content(path)
        if offset > len(data):
            raise Failure("offset %d is past the end of %s: was it changed after "
                          "clang-tidy ran?" % (offset, path))
        start = data.rfind(b"\n", 0, offset) + 1
        end = data.find(b"\n", offset)
        line_text = data[start:len(data) if end < 0 else end].decode("utf-8", "replace")
        column = len(data[start:offset].decode("utf-8", "replace")) + 1
        return data.count(b"\n", 0, offset) + 1, column, line_text

    def code_point_column(self, path, line, column):
        """The 1-based column in Unicode code points of a 1-based column in
        bytes, as clang counts them."""
        data = self.content(path)
        if path not in self.lines:
            self.lines[path] = [0] + [m.end() for m in re.finditer(b"\n", data)]
        starts = self.lines[path]
        if not 1 <= line <= len(starts):
            raise Failure("line %d is past the end of %s: was it changed after "
                          "clang-tidy ran?" % (line, path))
        start = starts[line - 1]
        return len(data[start:start + column - 1].decode("utf-8", "replace")) + 1

    def relative(self, path):
        """The path relative to the base directory, with '/', or None for a
        file outside it."""
        relative = os.path.relpath(os.path.realpath(path), self.base_dir)
        if relative.split(os.sep)[0] == os.pardir:
            return None
        return relative.replace(os.sep, "/")


# --- Diagnostics -------------------------------------------------------------

def diagnostic_file(entry, build_dir):
    path = entry.get("FilePath") or ""
    if path and not os.path.isabs(path):
        path = os.path.join(build_dir, path)
    return os.path.normpath(path) if path else ""


def read_document(path):
    """The Diagnostics list of one export. run-clang-tidy leaves the file empty
    when nothing is found; anything else must have the key."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise Failure("cannot read %s: %s" % (path, e.strerror))
    except UnicodeDecodeError:
        raise Failure("%s is not UTF-8 text" % path)
    document = parse_yaml(text, path)
    if document is None:
        return []
    if not isinstance(document, dict) or "Diagnostics" not in document:
        raise Failure("%s has no Diagnostics key: is it clang-tidy --export-fixes output?" % path)
    diagnostics = document["Diagnostics"] or []
    if not isinstance(diagnostics, list):
        raise Failure("%s: Diagnostics is not a list" % path)
    return diagnostics


def read_diagnostics(paths):
    """The diagnostics of every file. A diagnostic in a header that several
    translation units report is one, with the notes of each unit in turn."""
    merged = {}
    for path in paths:
        for d in read_document(path):
            message = d.get("DiagnosticMessage") if isinstance(d, dict) else None
            notes = d.get("Notes") or [] if isinstance(d, dict) else []
            if (not isinstance(message, dict) or "DiagnosticName" not in d or
                    not isinstance(notes, list) or not all(isinstance(n, dict) for n in notes)):
                raise Failure("%s: a diagnostic without DiagnosticName, DiagnosticMessage "
                              "or well-formed Notes" % path)
            build_dir = d.get("BuildDirectory") or os.getcwd()
            located = []
            for entry in [message] + notes:
                try:
                    offset = int(entry.get("FileOffset") or 0)
                except ValueError:
                    raise Failure("%s: FileOffset '%s' is not a number" % (path, entry.get("FileOffset")))
                located.append({"message": entry.get("Message") or "",
                                "file": diagnostic_file(entry, build_dir),
                                "offset": offset})
            main = located[0]
            key = (d["DiagnosticName"], main["file"], main["offset"], main["message"])
            diagnostic = merged.setdefault(key, {
                "check": d["DiagnosticName"], "level": LEVELS.get(d.get("Level"), "warning"),
                "main": main, "units": []})
            # stateless-index --baseline: new when any unit has it as new.
            state = d.get("BaselineState")
            if state in ("new", "unchanged") and diagnostic.get("baseline") != "new":
                diagnostic["baseline"] = state
            elif state is not None and state not in ("new", "unchanged"):
                raise Failure("%s: BaselineState '%s' is neither new nor unchanged" % (path, state))
            if located[1:] not in diagnostic["units"]:
                diagnostic["units"].append(located[1:])
    return list(merged.values())


def default_version():
    """The version CMake installed the scripts with, or in a source tree the
    one project() declares."""
    if not VERSION.startswith("@"):
        return VERSION
    here = os.path.dirname(os.path.realpath(__file__))
    try:
        with open(os.path.join(here, os.pardir, "CMakeLists.txt"), encoding="utf-8") as f:
            declared = re.search(r"project\(stateless-tidy VERSION ([0-9.]+)", f.read())
    except OSError:
        return ""
    return declared.group(1) if declared else ""

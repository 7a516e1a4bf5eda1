"""A build's results as records a program reads (scripts/writer.py check), not as log text.

Every problem the build reports becomes one JSON object per line: its severity, file, line, rule and
message. Hooks may attach the record themselves (content_checks does, for its rules and for
translations behind their source); any other warning or error is read from its message, which our
hooks and MkDocs' link checks write as `file:line: what is wrong; how to fix it [rule]`.
"""

from __future__ import annotations

import json
import re
from typing import Any

_LOCATED = re.compile(r"(?P<file>[^\s:]+):(?P<line>\d+): (?P<text>.*?)(?: \[(?P<rule>[a-z][a-z-]*)\])?\Z")
OUTDATED = "outdated-translation"  # not a problem: readers see a notice on the translation


def record(severity: str, message: str, rule: str | None = None, file: str | None = None, line: int | None = None) -> dict[str, Any]:
    return {"severity": severity, "file": file, "line": line, "rule": rule, "message": message}


def from_message(severity: str, message: str) -> list[dict[str, Any]]:
    """The records of a logged message: one per line, located when the line names a file and line."""
    found = []
    for text in filter(None, (part.strip() for part in message.splitlines())):
        match = _LOCATED.match(text)
        if match:
            found.append(record(severity, text, match["rule"], match["file"], int(match["line"])))
        else:
            found.append(record(severity, text))
    return found


def dumps(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False) + "\n"


def read(text: str) -> list[dict[str, Any]]:
    """The records of a results file (a line cut short by a killed build is skipped)."""
    entries = []
    for line in text.splitlines():
        try:
            entries.append(json.loads(line))
        except ValueError:
            continue
    return entries

"""invisible-text: no invisible control characters in a page, code included.

They come with text pasted from chat apps, PDFs and word processors, and a reader never sees them:
a text-direction override (U+202E) shows an address or a file name in another order than it is
written; a zero-width space splits a word so search no longer finds it; a NUL or other control
character is dropped or shown as a box. Written as a character reference (&#x202E;) they do the same.
"""

from __future__ import annotations

import re
import unicodedata

from .source import Problem, Source

NAME = "invisible-text"
DESCRIPTION = "no invisible control characters (text-direction overrides, zero-width spaces, control codes) in a page"
SEVERITY = "warning"  # fails strict builds (scripts/check, CI); the preview shows it and keeps serving
MESSAGES = {"character": "invisible character U+{code:04X} ({name}) at column {column}; delete it (retype the words around it)"}
_INVISIBLE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069"
_FOUND = re.compile(f"[{_INVISIBLE}]|&#(?:[xX]0*([0-9a-fA-F]+)|0*([0-9]+));?")
_CHARACTER = re.compile(f"[{_INVISIBLE}]")


# A page pasted whole can hold thousands: the first hundred say where to look.
_MAX_PROBLEMS = 100


def check(source: Source, **_) -> list[Problem]:
    problems, text = [], source.text
    line_start, searched = 0, 0  # where the current line starts, found from the previous match on: linear
    for line, match in source.matches(_FOUND, text):
        if match[0].startswith("&#"):
            code = int(match[1], 16) if match[1] else int(match[2])
            if code > 0x10FFFF or not _CHARACTER.fullmatch(chr(code)):
                continue
        else:
            code = ord(match[0])
        line_start, searched = max(line_start, text.rfind("\n", searched, match.start()) + 1), match.start()
        name = unicodedata.name(chr(code), "control character")
        column = match.start() - line_start + 1
        problems.append(source.problem(line, NAME, MESSAGES["character"].format(code=code, name=name, column=column)))
        if len(problems) == _MAX_PROBLEMS:
            break
    return problems

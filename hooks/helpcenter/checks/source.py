"""A page's Markdown source as the rules see it: line numbers kept, code blocks and inline code
blanked out (what is shown as code is never run and never a claim of fact)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")
# Front matter exactly as MkDocs finds it (mkdocs.utils.meta.YAML_RE): closed by --- or ..., with
# blanks allowed after either line. A block MkDocs reads must be the block the checks read.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?P<body>.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


def _longest_fence_after(fences: list) -> list[dict[str, int]]:
    """For each line, the longest ``` and ~~~ fence on any later line (one pass from the end)."""
    longest: dict[str, int] = {}
    result = [longest] * len(fences)
    for number in range(len(fences) - 1, -1, -1):
        result[number] = longest
        match = fences[number]
        if match and len(match["fence"]) > longest.get(match["fence"][0], 0):
            longest = {**longest, match["fence"][0]: len(match["fence"])}
    return result


def _without_code_spans(line: str) -> str:
    """The line with its code spans blanked, as Python-Markdown finds them: a run of backticks opens
    one with as many of its backticks as a later run of exactly that many closes (the longest such),
    at the first such run. Linear in the line: a regular expression that retried each run against
    every later one took hours on a line of 200,000 backticks."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(line)]
    by_length: dict[int, list[int]] = {}  # run length -> indices of the runs of exactly that length
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    seen = dict.fromkeys(by_length, 0)  # per length, how many of its runs lie before the current one
    blanked, index = list(line), 0
    while index < len(runs):
        start, end = runs[index]
        closer = None
        for length in range(end - start, 0, -1):  # each backtick looked at once per run it is in
            later = by_length.get(length)
            if later is None:
                continue
            while seen[length] < len(later) and later[seen[length]] <= index:
                seen[length] += 1
            if seen[length] < len(later):
                closer = later[seen[length]]
                break
        if closer is None:
            index += 1
            continue
        blanked[start:runs[closer][1]] = " " * (runs[closer][1] - start)
        index = closer + 1
    return "".join(blanked)


class Searcher(Protocol):
    """A compiled pattern, or anything else that finds matches (start(), [0]) in a text."""

    def finditer(self, text: str) -> Any: ...


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} [{self.rule}]"


@dataclass(frozen=True)
class Source:
    path: str  # as writers know it: docs/ko/support/email.md
    text: str
    lang: str

    @cached_property
    def prose(self) -> list[str]:
        """The lines, 1-based via line(), with front matter, fenced code and inline code blanked."""
        text = FRONT_MATTER.sub(lambda m: "\n" * m[0].count("\n"), self.text)
        raw = text.split("\n")
        fences = [_FENCE.match(line) for line in raw]
        closable = _longest_fence_after(fences)
        lines, fence = [], None
        for number, (line, match) in enumerate(zip(raw, fences)):
            if fence:
                lines.append("")
                if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence):
                    fence = None
                continue
            # A fence that nothing below closes is no code block to superfences: its lines are prose.
            if match and closable[number].get(match["fence"][0], 0) >= len(match["fence"]):
                fence = match["fence"]
                lines.append("")
                continue
            lines.append(_without_code_spans(line) if "`" in line else line)
        return lines

    def numbered(self):
        """(line number, text) for every prose line."""
        return enumerate(self.prose, start=1)

    @cached_property
    def prose_text(self) -> str:
        return "\n".join(self.prose)

    def matches(self, pattern: Searcher, text: str | None = None):
        """(line number, match) for every match in the prose (or in `text`, the prose rewritten with
        its line breaks kept). One search of the whole page: per line, the rules cost 5% of a build."""
        text = self.prose_text if text is None else text
        line, counted = 1, 0  # lines counted from the previous match on: linear in the page
        for match in pattern.finditer(text):
            line += text.count("\n", counted, match.start())
            counted = match.start()
            yield line, match

    def problem(self, line: int, rule: str, message: str) -> Problem:
        return Problem(self.path, line, rule, message)

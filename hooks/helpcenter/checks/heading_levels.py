"""heading-levels: one # title first, and headings never skip a level (## then ###, not ####).

Screen-reader users move through a page by its headings; a skipped level reads as a missing section.
"""

from __future__ import annotations

import re

from .source import Problem, Source

NAME = "heading-levels"
DESCRIPTION = "one '# ' title first, and headings that never skip a level"
SEVERITY = "warning"  # fails strict builds (scripts/check, CI); the preview shows it and keeps serving
MESSAGES = {
    "second title": "a second '# ' title; a page has one: make this '## '",
    "no title": "the page must start with its '# ' title before other headings",
    "skipped": "heading level {level} after level {previous} skips a level: use {fix}",
}
_HEADING = re.compile(r"^(#{1,6})\s+\S")


def check(source: Source, **_) -> list[Problem]:
    problems, previous, seen_title = [], 0, False
    for number, line in source.numbered():
        match = _HEADING.match(line)
        if not match:
            continue
        level = len(match[1])
        if level == 1:
            if seen_title:
                problems.append(source.problem(number, NAME, MESSAGES["second title"]))
            seen_title = True
        elif not seen_title:
            problems.append(source.problem(number, NAME, MESSAGES["no title"]))
            seen_title = True
        elif level > previous + 1:
            problems.append(source.problem(
                number, NAME, MESSAGES["skipped"].format(level=level, previous=previous, fix="#" * (previous + 1))))
        previous = level
    return problems

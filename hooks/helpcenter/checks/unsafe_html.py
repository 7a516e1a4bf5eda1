"""unsafe-html: no script, embedded frames, inline event handlers or javascript: URLs in content.

Pages are plain content: anything that runs code belongs in docs/assets/javascripts, reviewed as code.
"""

from __future__ import annotations

import re

from .source import Problem, Source

NAME = "unsafe-html"
_CHECKS = [
    (re.compile(r"<\s*script\b", re.I), "raw <script> in a page; page content cannot run code: remove it (scripts belong in docs/assets/javascripts)"),
    (re.compile(r"<\s*(iframe|object|embed|frame)\b", re.I), "embedded <{0}>; it loads another site into ours: link to the page instead"),
    (re.compile(r"<[^>\n]*\s(on[a-z]+)\s*=", re.I), "inline event handler '{0}=' in HTML; remove it (it runs code)"),
    (re.compile(r"(?:\]\(\s*|(?:href|src|action)\s*=\s*[\"']?\s*)(javascript|vbscript|data)\s*:", re.I), "'{0}:' URL; link to a page or an https:// address instead"),
]


def check(source: Source, **_) -> list[Problem]:
    problems = []
    for pattern, message in _CHECKS:
        for number, match in source.matches(pattern):
            groups = [g for g in match.groups() if g]
            problems.append(source.problem(number, NAME, message.format(*(groups or [""]))))
    return problems

"""unsafe-html: no script, embedded frames, inline event handlers or javascript: URLs in content.

Pages are plain content: anything that runs code belongs in docs/assets/javascripts, reviewed as code.
"""

from __future__ import annotations

import re

from .source import Problem, Source

NAME = "unsafe-html"
# Matched against the lower-cased page: as fast as plain patterns, where re.I made this rule a
# third of the content checks' time.
_CHECKS = [
    (re.compile(r"<\s*script\b"), "raw <script> in a page; page content cannot run code: remove it (scripts belong in docs/assets/javascripts)"),
    (re.compile(r"<\s*(iframe|object|embed|frame)\b"), "embedded <{0}>; it loads another site into ours: link to the page instead"),
    # [^<>]* stops at the next "<": linear on a line of many unclosed "<", and a tag over several
    # lines is still one tag.
    (re.compile(r"<[a-z][^<>]*?[\s/\"'](on[a-z]+)\s*="), "inline event handler '{0}=' in HTML; remove it (it runs code)"),
    (re.compile(r"<\s*(base|form|style|meta|link|input|button|textarea|select|svg|math)\b"),
     "<{0}> in a page; content cannot use it (the theme provides forms, styles and metadata)"),
    (re.compile(r"\{[^{}\n]*?[\s.#](on[a-z]+)\s*="), "attribute list adds '{0}=' (an event handler); remove it"),
    (re.compile(r"(?:\]\(\s*|(?:href|src|action)\s*=\s*[\"']?\s*)(javascript|vbscript|data)\s*:"), "'{0}:' URL; link to a page or an https:// address instead"),
]


def check(source: Source, **_) -> list[Problem]:
    problems, lowered = [], source.prose_text.lower()
    # Quoted as written, unless lower-casing moved positions (a few letters, such as İ, grow).
    original = source.prose_text if len(lowered) == len(source.prose_text) else lowered
    for pattern, message in _CHECKS:
        for number, match in source.matches(pattern, lowered):
            groups = [original[match.start(i):match.end(i)] for i in range(1, pattern.groups + 1) if match[i]]
            problems.append(source.problem(number, NAME, message.format(*(groups or [""]))))
    return problems

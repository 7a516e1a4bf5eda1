"""unsafe-html: no script, embedded frames, inline event handlers or javascript: URLs in content.

Pages are plain content: anything that runs code belongs in docs/assets/javascripts, reviewed as code.
"""

from __future__ import annotations

import re

from .source import Problem, Source

NAME = "unsafe-html"
DESCRIPTION = "no script, embedded frames, inline event handlers or javascript: URLs in content"
SEVERITY = "warning"  # fails strict builds (scripts/check, CI); the preview shows it and keeps serving
MESSAGES = {
    "script": "raw <script> in a page; page content cannot run code: remove it (scripts belong in docs/assets/javascripts)",
    "embed": "embedded <{0}>; it loads another site into ours: link to the page instead",
    "handler": "inline event handler '{0}=' in HTML; remove it (it runs code)",
    "element": "<{0}> in a page; content cannot use it (the theme provides forms, styles and metadata)",
    "attribute list": "attribute list adds '{0}=' (an event handler); remove it",
    "url": "'{0}:' URL; link to a page or an https:// address instead",
}
# Matched against the lower-cased page: as fast as plain patterns, where re.I made this rule a
# third of the content checks' time.
_PATTERNS = {
    "script": re.compile(r"<\s*script\b"),
    "embed": re.compile(r"<\s*(iframe|object|embed|frame)\b"),
    # [^<>]* stops at the next "<": linear on a line of many unclosed "<", and a tag over several
    # lines is still one tag.
    "handler": re.compile(r"<[a-z][^<>]*?[\s/\"'](on[a-z]+)\s*="),
    "element": re.compile(r"<\s*(base|form|style|meta|link|input|button|textarea|select|svg|math)\b"),
    "attribute list": re.compile(r"\{[^{}\n]*?[\s.#](on[a-z]+)\s*="),
    "url": re.compile(r"(?:\]\(\s*|(?:href|src|action)\s*=\s*[\"']?\s*)(javascript|vbscript|data)\s*:"),
}


def check(source: Source, **_) -> list[Problem]:
    problems, lowered = [], source.prose_text.lower()
    # Quoted as written, unless lower-casing moved positions (a few letters, such as İ, grow).
    original = source.prose_text if len(lowered) == len(source.prose_text) else lowered
    for kind, pattern in _PATTERNS.items():
        for number, match in source.matches(pattern, lowered):
            groups = [original[match.start(i):match.end(i)] for i in range(1, pattern.groups + 1) if match[i]]
            problems.append(source.problem(number, NAME, MESSAGES[kind].format(*(groups or [""]))))
    return problems

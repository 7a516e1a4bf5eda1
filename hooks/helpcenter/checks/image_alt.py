"""image-alt: every image has alternative text, for screen readers and when it fails to load."""

from __future__ import annotations

import re

from .source import Problem, Source

NAME = "image-alt"
DESCRIPTION = "every image has alternative text"
SEVERITY = "warning"  # fails strict builds (scripts/check, CI); the preview shows it and keeps serving
MESSAGES = {"markdown": "image without alt text: write what it shows in ![...](...)",
            "html": '<img> without alt text: add alt="what it shows"'}
# [^\[\]] stops at the next "[": each try reads to the next bracket only, so a line of many
# unclosed "![" is read once, not once per "![".
_MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\[\]]*)\]\(")
_HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^<>]*)>", re.I)
_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]*\S[^\"]*\"|'[^']*\S[^']*')", re.I)


def check(source: Source, **_) -> list[Problem]:
    problems = []
    for number, line in source.numbered():
        for match in _MARKDOWN_IMAGE.finditer(line):
            if not match["alt"].strip():
                problems.append(source.problem(number, NAME, MESSAGES["markdown"]))
        for match in _HTML_IMAGE.finditer(line):
            if not _ALT.search(match["attrs"]):
                problems.append(source.problem(number, NAME, MESSAGES["html"]))
    return problems

"""glossary: the pages use the agreed terms (data/glossary.yml), not their variants.

The rule is given the glossary's `avoid` lists for the page's language: {variant: preferred term}.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .source import Problem, Source

NAME = "glossary"
DESCRIPTION = "pages use the agreed terms of data/glossary.yml, not their variants"
SEVERITY = "warning"  # fails strict builds (scripts/check, CI); the preview shows it and keeps serving
MESSAGES = {"variant": "'{text}': our term is '{preferred}' (data/glossary.yml)"}


def check(source: Source, avoid: dict[str, dict[str, str]] | None = None, **_) -> list[Problem]:
    variants = (avoid or {}).get(source.lang, {})
    if not variants:
        return []
    pattern = _pattern(tuple(sorted(variants, key=len, reverse=True)))
    problems = []
    for number, match in source.matches(pattern, _without_link_targets(source.prose_text)):
        preferred = variants[next(v for v in variants if v.lower() == match[0].lower())]
        problems.append(source.problem(number, NAME, MESSAGES["variant"].format(text=match[0], preferred=preferred)))
    return problems


@lru_cache(maxsize=8)  # one per language: compiled once per build, not once per page
def _pattern(variants: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(_word(v) for v in variants), re.I)


def _word(variant: str) -> str:
    # Latin words match whole words only; Korean terms match inside words (particles follow them).
    escaped = re.escape(variant)
    return rf"\b{escaped}\b" if variant.isascii() else escaped


def _without_link_targets(text: str) -> str:
    """Link targets "](...)" blanked, in one pass: a pattern retried at every unclosed "](" of a long
    line read the rest of the line each time."""
    parts, position = [], 0
    while (start := text.find("](", position)) >= 0:
        close, newline = text.find(")", start), text.find("\n", start)
        if close >= 0 and (newline < 0 or close < newline):
            parts += [text[position:start], " " * (close + 1 - start)]
            position = close + 1
        else:
            parts.append(text[position:start + 2])
            position = start + 2 if newline < 0 else newline
            if newline < 0:
                break
    return "".join(parts) + text[position:]

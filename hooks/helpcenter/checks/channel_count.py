"""channel-count: the number of support channels comes from data/support-methods.yml.

A page that says "세 가지 창구" or "three channels" is wrong the day a fourth channel is added;
<!-- hc:channel-count --> writes the number in words from the data.
"""

from __future__ import annotations

import re

from .source import Problem, Source

NAME = "channel-count"
DESCRIPTION = "the number of support channels is written with <!-- hc:channel-count -->, not by hand"
SEVERITY = "warning"

_PATTERNS = {
    "ko": re.compile(r"(?:한|두|세|네|다섯|여섯|[1-9])[^\S\n]*(?:가지|개)의?[^\S\n]*(?:고객지원[^\S\n]*)?"
                     r"(?:창구|채널|(?:고객지원|문의|연락|상담)[^\S\n]*(?:방법|수단))"),
    "en": re.compile(r"\b(?:one|two|three|four|five|six|[1-9])[^\S\n]+(?:support[^\S\n]+|contact[^\S\n]+)?"
                     r"(?:channels|ways[^\S\n]+to[^\S\n]+(?:contact|reach|get[^\S\n]+help|get[^\S\n]+support)|ways(?=[^\S\n]*:))\b"
                     r"|\bin[^\S\n]+(?:two|three|four|five|six|[1-9])[^\S\n]+ways\b", re.I),
}
MESSAGES = {"number": "'{text}': the number of support channels comes from data/support-methods.yml; write "
           "<!-- hc:channel-count --> instead of the number (it renders as '세 가지' or 'three')"}


def check(source: Source, **_) -> list[Problem]:
    pattern = _PATTERNS.get(source.lang)
    if pattern is None:
        return []
    return [source.problem(number, NAME, MESSAGES["number"].format(text=match[0])) for number, match in source.matches(pattern)]

"""Render <!-- hc:fact ID --> and <!-- hc:channel-count --> in one language."""

from __future__ import annotations

import jinja2

from .errors import ContentError
from .facts import FactData
from .markers import Marker


def fact_from_marker(env: jinja2.Environment, data: FactData, language: str, marker: Marker) -> str:
    if marker.options or len(marker.words) != 1:
        raise ContentError("name exactly one fact, e.g. <!-- hc:fact payment-methods-menu -->")
    html = env.get_template("fact.html").render(fact=data.fact(marker.words[0]), labels=data.labels, lang=language)
    # One line: the fact sits inside a sentence, and a line break could end the paragraph.
    return " ".join(line.strip() for line in html.splitlines() if line.strip())


def count_from_marker(data: FactData, language: str, count: int, marker: Marker) -> str:
    """The number of support channels in words ("세 가지", "three"), from the data."""
    if marker.options or marker.words:
        raise ContentError("<!-- hc:channel-count --> takes no options")
    return data.count_word(language, count)

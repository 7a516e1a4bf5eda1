"""FAQ questions (pymdownx.details blocks of type "question"): stable anchors and search entries.

Each question gets an id, so a search result, a link or structured data can point at it, and its own
search record (search_records.py), so a reader's question matches the FAQ question as strongly as a page title does.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

_OPEN, _HEAD = '<details class="question"', re.compile(r'(?P<attrs>[^>]*)>\s*<summary>')
_TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*>")
# Inline elements vanish without a trace ("<a>계정</a>을" reads "계정을"); block ones leave a space.
_INLINE = {"a", "abbr", "b", "code", "em", "i", "kbd", "mark", "small", "span", "strong", "sub", "sup"}


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answer: str


def plain_text(fragment: str) -> str:
    text = _TAG.sub(lambda m: "" if m[2].lower() in _INLINE else " ", fragment)
    return " ".join(html.unescape(text).split())


def mark_questions(page_html: str, slugify: Callable[[str, str], str]) -> tuple[str, list[Question]]:
    """The page with an id on every FAQ question, and the questions found."""
    questions: list[Question] = []
    used: set[str] = set()

    def add_id(match: _Match) -> str:
        question = plain_text(match["summary"])
        anchor = base = "q-" + slugify(question, "-")
        counter = 1
        while anchor in used:
            anchor, counter = f"{base}_{counter}", counter + 1
        used.add(anchor)
        questions.append(Question(anchor, question, plain_text(match["body"])))
        return f'<details class="question" id="{anchor}"{match["attrs"]}><summary>{match["summary"]}</summary>{match["body"]}</details>'

    return _replace_questions(page_html, add_id), questions


def _questions(page_html: str):
    """Every question block, found with plain searches from left to right: linear in the page, where
    one pattern with two lazy .*? spans rescanned the rest of the page for each unclosed question."""
    position = 0
    while (start := page_html.find(_OPEN, position)) >= 0:
        head = _HEAD.match(page_html, start + len(_OPEN))
        if not head:
            position = start + len(_OPEN)
            continue
        summary_end = page_html.find("</summary>", head.end())
        end = page_html.find("</details>", summary_end) if summary_end >= 0 else -1
        if end < 0:
            return  # no </summary>, or no </details>, anywhere after: no later question can close either
        yield _Match(start, end + len("</details>"), head["attrs"], page_html[head.end():summary_end],
                     page_html[summary_end + len("</summary>"):end])
        position = end + len("</details>")


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    attrs: str
    summary: str
    body: str

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)


def _replace_questions(page_html: str, replace: Callable[[_Match], str]) -> str:
    parts, position = [], 0
    for match in _questions(page_html):
        parts += [page_html[position:match.start], replace(match)]
        position = match.end
    return "".join(parts) + page_html[position:]


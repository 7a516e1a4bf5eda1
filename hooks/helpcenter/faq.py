"""FAQ questions (pymdownx.details blocks of type "question"): stable anchors and search entries.

Each question gets an id, so a search result, a link or structured data can point at it, and its own
search record (search_records.py), so a reader's question matches the FAQ question as strongly as a page title does.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

_QUESTION = re.compile(
    r'<details class="question"(?P<attrs>[^>]*)>\s*<summary>(?P<summary>.*?)</summary>(?P<body>.*?)</details>', re.S
)
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

    def add_id(match: re.Match[str]) -> str:
        question = plain_text(match["summary"])
        anchor = base = "q-" + slugify(question, "-")
        counter = 1
        while anchor in used:
            anchor, counter = f"{base}_{counter}", counter + 1
        used.add(anchor)
        questions.append(Question(anchor, question, plain_text(match["body"])))
        return f'<details class="question" id="{anchor}"{match["attrs"]}><summary>{match["summary"]}</summary>{match["body"]}</details>'

    return _QUESTION.sub(add_id, page_html), questions


def find_questions(page_html: str) -> list[Question]:
    """The FAQ questions of a page whose questions already have their ids (see mark_questions)."""
    return [
        Question(re.search(r'\bid="([^"]+)"', m["attrs"])[1] if 'id="' in m["attrs"] else "", plain_text(m["summary"]), plain_text(m["body"]))
        for m in _QUESTION.finditer(page_html)
    ]


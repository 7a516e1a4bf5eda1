"""What the search engine indexes: one record per page and one per FAQ question, in plain text.

`records()` is the one place that decides what becomes searchable; the security gate of the
published output (issue 13) reads the same list. Every record is a plain dict:
url (relative to its language's root), title, content and headings (plain text, never HTML), lang,
kind ("page" or "faq"). A page's section headings name its topics ("메일이 오지 않을 때"), so the
engine weighs them above body text; they stay in the content too, where the reader saw them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .faq import Question, plain_text

# The FAQ page's questions are records of their own: indexing them inside the page as well doubled
# their bytes and made the page compete with its own questions.
_QUESTION_BLOCK = re.compile(r'<details class="question".*?</details>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_H1 = re.compile(r"<h1\b.*?</h1>", re.S)
_SECTION_HEADING = re.compile(r"<h([2-4])\b[^>]*>(.*?)</h\1>", re.S)


@dataclass(frozen=True)
class PageText:
    """One built page as search sees it: its URL, language, title and body HTML."""

    url: str
    lang: str
    title: str
    html: str
    questions: tuple[Question, ...] = ()


def body_text(page_html: str) -> str:
    """The page body as plain text, without its title, permalink signs and FAQ questions."""
    return _body_of(_without_questions(page_html))


def section_headings(page_html: str) -> str:
    """The page's section headings (h2 to h4) as plain text, one after another; FAQ questions and
    permalink signs left out."""
    return _headings_of(_without_questions(page_html))


def _without_questions(page_html: str) -> str:
    """The page without its FAQ questions (records of their own) and permalink signs."""
    return _HEADERLINK.sub(" ", _QUESTION_BLOCK.sub(" ", page_html))


def _body_of(page_html: str) -> str:
    return plain_text(_H1.sub(" ", page_html))


def _headings_of(page_html: str) -> str:
    return " ".join(plain_text(match[2]) for match in _SECTION_HEADING.finditer(page_html))


def records(pages: Iterable[PageText], language_prefix: dict[str, str],
            known: dict[str, tuple[PageText, list[dict[str, str]]]] | None = None) -> list[dict[str, str]]:
    """The search records of `pages`; URLs lose their language's prefix ("en/") so each language's
    index is addressed from that language's root. `known` (the preview's, for the same prefixes):
    each URL's page and records the last time, taken again for an equal page and updated."""
    found: list[dict[str, str]] = []
    for page in pages:
        entry = known.get(page.url) if known is not None else None
        if entry is None or entry[0] != page:
            entry = (page, _page_records(page, language_prefix))
            if known is not None:
                known[page.url] = entry
        found += entry[1]
    return found


def _page_records(page: PageText, language_prefix: dict[str, str]) -> list[dict[str, str]]:
    url = page.url.removeprefix(language_prefix[page.lang])
    # MkDocs gives the title as HTML ("can&#x27;t"): records hold plain text only. The page is
    # stripped of its questions once, for its text and its headings.
    body = _without_questions(page.html)
    return [{"url": url, "title": plain_text(page.title), "content": _body_of(body), "headings": _headings_of(body), "lang": page.lang,
             "kind": "page"},
            *({"url": f"{url}#{q.id}", "title": q.question, "content": q.answer, "headings": "", "lang": page.lang, "kind": "faq"}
              for q in page.questions)]

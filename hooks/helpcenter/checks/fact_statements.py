"""fact-statements: menu paths, amounts of money and durations or deadlines are product facts; they
appear in a page only through data/facts.yml, with their source and the date they were checked.

Written straight into a page ("설정 > 결제 수단", "7,900원", "7일 이내", "within 7 days") they go
stale silently and readers cannot tell a checked fact from a guess. Phone numbers and email
addresses are the contact-facts rule's.
"""

from __future__ import annotations

import re

from .source import Problem, Source

NAME = "fact-statements"
DESCRIPTION = "menu paths, amounts and durations or deadlines come from data/facts.yml, not page text"
SEVERITY = "warning"  # fails strict builds (scripts/check, CI); the preview shows it and keeps serving

_WORD = r"[\w가-힣)\]\"'”’]"
_NEXT = r"[\w가-힣(\[\"'“‘]"
# A number starts where no digit (or digit and comma) is before it: one try per run of digits, not
# one per digit (a line of 200,000 digits was a quadratic search).
_NUMBER = r"(?<!\d)(?<!\d,)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_ARROW = r"[^\S\n]*(?:-?>|›|»|＞|→|▸|▶)[^\S\n]*"
# A menu path: a word, then arrows each followed by a word ("설정 > 결제 수단", "Settings › Account").
# Found from its first arrow, then widened to the whole word before it (_word_start): a pattern that
# began with the word ([^\s<>|]*) was tried from every character of a long line, to its end.
_MENU_LINK = re.compile(rf"{_WORD}(?={_ARROW}{_NEXT})")
_MENU_REST = re.compile(rf"(?:{_ARROW}{_NEXT}[^\s<>|›»＞→▸▶]*)+")
_KINDS = {
    "amount": re.compile(
        rf"{_NUMBER}[^\S\n]*(?:만[^\S\n]*|천[^\S\n]*)?원(?!인|래|하|칙|본|리|격|활)|[₩￦][^\S\n]*{_NUMBER}|{_NUMBER}[^\S\n]*KRW\b|\bKRW[^\S\n]*{_NUMBER}"
    ),
    "duration or deadline": re.compile(
        rf"{_NUMBER}[^\S\n]*(?:시간|개월|영업일|주일)"
        rf"|{_NUMBER}[^\S\n]*(?:일|분|초|주|달|년)[^\S\n]*(?:이내|안에|전에?|후에?|뒤에?|이상|이하|까지|동안|간|마다|만에|이 지나)"
        r"|(?:하루|일주일|한[^\S\n]*달|보름)[^\S\n]*(?:이내|안에|까지|동안|이 지나)"
        r"|\b(?:\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)[\s-]+(?:(?:business|working|calendar)[\s-]+)?"
        r"(?:days?|hours?|minutes?|weeks?|months?|years?)\b",
        re.I,
    ),
}
MESSAGES = {"fact": (
    "{kind} '{text}' written in a page: a product fact needs a source. Add it to data/facts.yml "
    "(text in every language, source url and title, kind, verified date) and write <!-- hc:fact ID --> here, "
    "or say it generically (\"in the app's settings\", \"within the period the app shows\")"
)}
# HTML tags and comments (markers among them) are not prose; blanked with their length kept.
# A tag ends at the next "<" too, so each character is read once however many are unclosed.
_TAG = re.compile(r"<[^<>\n]*>")
_NOT_LINE_END = re.compile(r"[^\n]")


def check(source: Source, **_) -> list[Problem]:
    text = _without_markup(source.prose_text)
    found = [(number, "menu path", match) for number, match in source.matches(_MenuPaths(text), text)]
    found += [(number, kind, match) for kind, pattern in _KINDS.items() for number, match in source.matches(pattern, text)]
    return [source.problem(number, NAME, MESSAGES["fact"].format(kind=kind, text=match[0].strip())) for number, kind, match in found]


class _MenuPaths:
    """finditer() over the menu paths of a text, for Source.matches: (start, end, text) matches."""

    def __init__(self, text: str) -> None:
        self.text = text

    def finditer(self, text: str):
        position = 0
        while (link := _MENU_LINK.search(text, position)) is not None:
            rest = _MENU_REST.match(text, link.end())  # matches: the link's lookahead is its first step
            start, end = _word_start(text, link.start(), position), rest.end() if rest else link.end()
            yield _Span(start, end, text[start:end])
            position = end


class _Span:
    """A found menu path as Source.matches and check() read a match: start(), end() and [0]."""

    def __init__(self, start: int, end: int, text: str) -> None:
        self.span = (start, end, text)

    def start(self) -> int:
        return self.span[0]

    def end(self) -> int:
        return self.span[1]

    def __getitem__(self, group: int) -> str:
        return self.span[2]


def _word_start(text: str, index: int, floor: int) -> int:
    """Where the run of characters other than blanks, < > and | that holds text[index] begins (not
    before `floor`, the end of the previous match: each character is looked at once)."""
    while index > floor and not (text[index - 1].isspace() or text[index - 1] in "<>|"):
        index -= 1
    return index


def _without_markup(text: str) -> str:
    """The text with HTML comments and tags blanked, line breaks kept. An unclosed comment is no
    comment (one search for its end: if there is none, no later one has one either)."""
    parts, position, comments_close = [], 0, True
    while (start := text.find("<", position)) >= 0:
        end = text.find("-->", start + 4) if comments_close and text.startswith("<!--", start) else -1
        if end >= 0:
            end += 3
        else:
            comments_close = comments_close and not text.startswith("<!--", start)
            tag = _TAG.match(text, start)
            if tag is None:
                parts.append(text[position:start + 1])
                position = start + 1
                continue
            end = tag.end()
        parts += [text[position:start], _NOT_LINE_END.sub(" ", text[start:end])]
        position = end
    return "".join(parts) + text[position:]

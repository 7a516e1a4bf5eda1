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
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_KINDS = {
    "menu path": re.compile(rf"[^\s<>|]*{_WORD}(?:[^\S\n]*(?:-?>|›|»|＞|→|▸|▶)[^\S\n]*{_NEXT}[^\s<>|›»＞→▸▶]*)+"),
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
_MARKUP = re.compile(r"<!--.*?-->|<[^>\n]*>", re.S)


def check(source: Source, **_) -> list[Problem]:
    text = _MARKUP.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), source.prose_text)
    return [
        source.problem(number, NAME, MESSAGES["fact"].format(kind=kind, text=match[0].strip()))
        for kind, pattern in _KINDS.items()
        for number, match in source.matches(pattern, text)
    ]

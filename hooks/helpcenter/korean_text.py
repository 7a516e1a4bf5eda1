"""Korean text prepared for a word-based search index.

Korean attaches particles and endings to words ("결제가", "안돼요"), and readers often type without
spaces ("비밀번호재설정"). Like Material's own Chinese support, we mark morpheme boundaries with a
zero-width space: the text reads the same, but the search tokenizer sees "결제", "가", ...
The pieces that are only particles or endings are collected too, so queries can drop them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

ZWSP = "\u200b"
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_TAG = re.compile(r"(<[^>]*>)")  # the index's text keeps some HTML; tags are never segmented
# Sejong tags (as Kiwi uses them) of morphemes that carry no topic: particles, endings, suffixes, copula.
FUNCTION_TAGS = ("J", "E", "XS", "VCP")


@dataclass(frozen=True)
class Morpheme:
    start: int
    end: int
    tag: str

    @property
    def is_function(self) -> bool:
        return self.tag.startswith(FUNCTION_TAGS)


# The morphemes of a text, as an analyzer such as Kiwi reports them.
Analyzer = Callable[[str], Iterable[Morpheme]]


def has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


def segment(text: str, morphemes: list[Morpheme]) -> tuple[str, list[tuple[str, bool]]]:
    """`text` with a zero-width space at every morpheme boundary inside a word, and each piece
    that was cut off a word with whether it is only particles or endings."""
    cuts = sorted({edge for m in morphemes for edge in (m.start, m.end) if 0 < edge < len(text) and _inside_word(text, edge)})
    bounds = [0, *cuts, len(text)]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:])]
    cut_pieces = [
        (text[a:b], all(m.is_function for m in morphemes if m.start < b and m.end > a))
        for a, b in pieces
        if (a in cuts or b in cuts) and has_hangul(text[a:b])
    ]
    return ZWSP.join(text[a:b] for a, b in pieces), cut_pieces


@dataclass
class KoreanIndexer:
    """Segments texts with an analyzer, remembering results across builds (for `mkdocs serve`)."""

    analyze: Analyzer
    _cache: dict[str, tuple[str, list[tuple[str, bool]]]] = field(default_factory=dict)
    _pieces: Counter = field(default_factory=Counter)

    def __call__(self, text: str) -> str:
        if not has_hangul(text):
            return text
        if text not in self._cache:
            self._cache[text] = _segment_outside_tags(text, self.analyze)
        segmented, pieces = self._cache[text]
        self._pieces.update(pieces)
        return segmented

    def function_words(self) -> list[str]:
        """Pieces that were particles or endings in most of the places they were cut off a word."""
        totals = Counter()
        for (piece, _), count in self._pieces.items():
            totals[piece] += count
        return sorted(p for (p, is_function), count in self._pieces.items() if is_function and count * 2 > totals[p])

    def start_build(self) -> None:
        self._pieces.clear()


def _segment_outside_tags(text: str, analyze: Analyzer) -> tuple[str, list[tuple[str, bool]]]:
    parts, pieces = [], []
    for part in _TAG.split(text):
        if part.startswith("<") or not has_hangul(part):
            parts.append(part)
            continue
        segmented, cut = segment(part, list(analyze(part)))
        parts.append(segmented)
        pieces += cut
    return "".join(parts), pieces


def _inside_word(text: str, cut: int) -> bool:
    before, after = text[cut - 1], text[cut]
    return not (before.isspace() or after.isspace() or before == ZWSP or after == ZWSP) and (
        has_hangul(before) or has_hangul(after)
    )

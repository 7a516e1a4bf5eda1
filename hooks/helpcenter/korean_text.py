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
from itertools import chain
from pathlib import Path

from . import diskcache

ZWSP = "\u200b"
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"\S+")
_TAG = re.compile(r"(<[^>]*>)")  # the index's text keeps some HTML; tags are never segmented
# Sejong tags (as Kiwi uses them) of morphemes that carry no topic: particles, endings, suffixes, copula.
FUNCTION_TAGS = ("J", "E", "XS", "VCP")
# Part of the cache key: bump when segment() changes what it stores.
SEGMENT_FORMAT = 2


@dataclass(frozen=True)
class Morpheme:
    start: int
    end: int
    tag: str

    @property
    def is_function(self) -> bool:
        return self.tag.startswith(FUNCTION_TAGS)


# The morphemes of each text, as an analyzer such as Kiwi reports them; one call for many texts,
# because Kiwi analyses a batch an order of magnitude faster than the same texts one by one.
Analyzer = Callable[[list[str]], Iterable[list[Morpheme]]]


def has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


def segment(text: str, morphemes: list[Morpheme]) -> tuple[str, list[tuple[str, bool]]]:
    """`text` with a zero-width space at every morpheme boundary inside a word, and each piece cut
    off a word with whether it is only particles or endings."""
    edges = {edge for m in morphemes for edge in (m.start, m.end)}
    cuts: list[int] = []
    pieces: list[tuple[str, bool]] = []
    for word in _WORD.finditer(text):
        inside = sorted(e for e in edges if word.start() < e < word.end() and _cuttable(text, e))
        bounds = [word.start(), *inside, word.end()]
        pieces += [
            (text[a:b], all(m.is_function for m in morphemes if m.start < b and m.end > a))
            for a, b in zip(bounds, bounds[1:])
            if inside and has_hangul(text[a:b])
        ]
        cuts += inside
    marked = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return ZWSP.join(marked), pieces


@dataclass
class KoreanIndexer:
    """Segments texts with an analyzer, remembering every analysed text.

    The memory survives rebuilds under `mkdocs serve`; with a `cache_file` it also survives the
    process, so a build whose Korean text is unchanged never loads the analyzer at all.
    """

    analyze: Analyzer
    cache_file: Path | None = None
    version: str = ""
    _cache: dict[str, list[str]] = field(default_factory=dict)  # part → [segmented, _encode(pieces)]
    _pieces: Counter = field(default_factory=Counter)  # encoded piece ("1은": particle 은) → occurrences
    _dirty: bool = False

    def __post_init__(self) -> None:
        # Each part is stored as [segmented text, pieces as one string] (see _encode): decoding a list
        # per piece made loading the cache of a 2,000-page site ten times slower.
        self._cache = diskcache.load(self.cache_file, self.version, lambda entry: (
            isinstance(entry, list) and len(entry) == 2 and all(isinstance(part, str) for part in entry)))

    def segment_all(self, texts: list[str]) -> list[str]:
        """Every text segmented, Hangul outside HTML tags only, analysing the new parts in one batch.

        Works per distinct part, counted once, not per occurrence: an index of 2,000 pages has
        200,000 parts but few distinct ones.
        """
        split = [_TAG.split(text) for text in texts]
        counts = Counter(chain.from_iterable(split))
        analysable = {part for part in counts if _analysable(part)}
        new = sorted(part for part in analysable if part not in self._cache)
        if new:
            for part, morphemes in zip(new, self.analyze(new)):
                text, pieces = segment(part, list(morphemes))
                self._cache[part] = [text, _encode(pieces)]
            self._dirty = True
        # Every occurrence's pieces, counted in one pass over the encoded strings ("1은", "0결제").
        encoded = "\t".join(self._cache[part][1] for part in analysable for _ in range(counts[part]))
        self._pieces.update(filter(None, encoded.split("\t")))
        segmented = {part: self._cache[part][0] for part in analysable}.get
        return ["".join(map(segmented, parts, parts)) for parts in split]

    def function_words(self) -> list[str]:
        """Pieces that were particles or endings in most of the places they were cut off a word."""
        totals: Counter = Counter()
        for item, count in self._pieces.items():
            totals[item[1:]] += count
        return sorted(item[1:] for item, count in self._pieces.items() if item[0] == "1" and count * 2 > totals[item[1:]])

    def start_build(self) -> None:
        self._pieces.clear()

    def save(self) -> None:
        if self.cache_file and self._dirty:
            diskcache.save(self.cache_file, self.version, self._cache)
            self._dirty = False


def _encode(pieces: list[tuple[str, bool]]) -> str:
    # "1" or "0" (particle or ending, or not) before each piece, tab-separated: pieces have no spaces.
    return "\t".join(("1" if is_function else "0") + piece for piece, is_function in pieces)


def _analysable(part: str) -> bool:
    return not part.startswith("<") and has_hangul(part)


def _cuttable(text: str, cut: int) -> bool:
    # Between two characters of one word, at least one of them Hangul ("Store에서" is cut too).
    before, after = text[cut - 1], text[cut]
    return ZWSP not in (before, after) and (has_hangul(before) or has_hangul(after))

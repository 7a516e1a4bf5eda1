"""Korean text prepared for a word-based search index.

Korean attaches particles and endings to words ("결제가", "안돼요"), and readers often type without
spaces ("비밀번호재설정"). Like Material's own Chinese support, we mark morpheme boundaries with an
invisible character: the text reads the same, but the search tokenizer sees "결제", "가", ... Two
kinds: CUT before a particle, an ending or a suffix (결제|가, 결제|되|었|다면), where the index wants
the parts only, and COMPOUND between two nouns of a compound (고객|지원, 재|설정), which readers type
whole as often as apart, so the index wants the whole word too.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import diskcache

# The language this module analyses (its locale in mkdocs.yml); other languages are indexed as written.
LANGUAGE = "ko"
CUT = "\u200b"  # ZERO WIDTH SPACE
COMPOUND = "\u2060"  # WORD JOINER
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"\S+")
_TAG = re.compile(r"(<[^>]*>)")  # the index's text keeps some HTML; tags are never segmented
# Part of the cache key: bump when segment() or predicates() change what is stored.
SEGMENT_FORMAT = 5
# Kiwi's tags of verb and adjective stems and the suffixes that make them (하다, 되다): a piece of a
# word made of these is a predicate, which a reader's query needs less than its nouns (잊어버림,
# 나갔는데, 볼 수). Noun, foreign-word and number tags make a piece a noun whatever else it holds.
_PREDICATE_TAGS = ("VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA")
_NOUN_TAGS = ("NN", "NR", "NP", "SL", "SH", "SN", "XR")
# The morphemes a compound is made of: nouns, numbers, foreign words, roots and noun prefixes (재).
_COMPOUND_TAGS = (*_NOUN_TAGS, "XPN")
# Between a part's segmented text, its predicates and its nouns in the cache.
_SEPARATOR = "\x01"


@dataclass(frozen=True)
class Morpheme:
    start: int
    end: int
    tag: str


# The morphemes of each text, as an analyzer such as Kiwi reports them; one call for many texts,
# because Kiwi analyses a batch an order of magnitude faster than the same texts one by one.
Analyzer = Callable[[list[str]], Iterable[list[Morpheme]]]


def has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


def segment(text: str, morphemes: list[Morpheme]) -> str:
    """`text` with CUT or COMPOUND at every morpheme boundary inside a word."""
    return _joined(text, _cuts(text, morphemes), morphemes)


def predicates(text: str, morphemes: list[Morpheme]) -> tuple[set[str], set[str]]:
    """The Hangul pieces of `segment(text)` that are verb or adjective stems (or their contractions
    with an ending: 갔, 볼) with no noun in them, and the pieces that hold a noun."""
    return _classified(text, morphemes, _cuts(text, morphemes))


def _joined(text: str, cuts: list[int], morphemes: list[Morpheme]) -> str:
    ending = {m.end: m.tag for m in morphemes}
    starting = {m.start: m.tag for m in morphemes}
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    marks = [COMPOUND if _compound(ending.get(cut, ""), starting.get(cut, "")) else CUT for cut in cuts]
    return pieces[0] + "".join(mark + piece for mark, piece in zip(marks, pieces[1:]))


def _compound(before: str, after: str) -> bool:
    return before.startswith(_COMPOUND_TAGS) and after.startswith(_NOUN_TAGS)


def _classified(text: str, morphemes: list[Morpheme], cuts: list[int]) -> tuple[set[str], set[str]]:
    # Each morpheme is given to the pieces it overlaps, found by bisection: a page's text is one
    # part, and matching every piece against every morpheme was quadratic in its length.
    pieces = [(a, b) for a, b in _pieces(text, cuts) if has_hangul(text[a:b])]
    starts = [a for a, _ in pieces]
    tags: list[list[str]] = [[] for _ in pieces]
    for m in morphemes:
        i = max(bisect.bisect_right(starts, m.start) - 1, 0)
        while i < len(pieces) and pieces[i][0] < m.end:
            if pieces[i][1] > m.start:
                tags[i].append(m.tag)
            i += 1
    verbs, nouns = set(), set()
    for (a, b), found in zip(pieces, tags):
        if any(t.startswith(_NOUN_TAGS) for t in found):
            nouns.add(text[a:b])
        elif any(t.startswith(_PREDICATE_TAGS) for t in found):
            verbs.add(text[a:b])
    return verbs, nouns


def _pieces(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of every piece of every word, the words cut at `cuts` (sorted), in text order."""
    pieces, i = [], 0
    for word in _WORD.finditer(text):
        while i < len(cuts) and cuts[i] <= word.start():
            i += 1
        start = word.start()
        while i < len(cuts) and cuts[i] < word.end():
            pieces.append((start, cuts[i]))
            start, i = cuts[i], i + 1
        pieces.append((start, word.end()))
    return pieces


def _cuts(text: str, morphemes: list[Morpheme]) -> list[int]:
    edges = sorted({edge for m in morphemes for edge in (m.start, m.end)})
    cuts: list[int] = []
    for word in _WORD.finditer(text):  # the edges inside each word, found by bisection: a long page has thousands
        inside = edges[bisect.bisect_right(edges, word.start()):bisect.bisect_left(edges, word.end())]
        cuts += [e for e in inside if _cuttable(text, e)]
    return cuts


@dataclass
class KoreanIndexer:
    """Segments texts with an analyzer, remembering every analysed text.

    The memory survives rebuilds under `mkdocs serve`; with a `cache_file` it also survives the
    process, so a build whose Korean text is unchanged never loads the analyzer at all.
    """

    analyze: Analyzer
    cache_file: Path | None = None
    version: str = ""
    _cache: dict[str, str] = field(default_factory=dict)  # part → segmented part, _SEPARATOR, its predicates
    _dirty: bool = False
    _used: set[str] = field(default_factory=set)  # the parts segmented through this indexer

    def __post_init__(self) -> None:
        # A damaged or foreign cache (an entry that is not segmented text) is ignored, never trusted.
        self._cache = diskcache.load(self.cache_file, self.version, lambda entry: isinstance(entry, str) and _SEPARATOR in entry)

    def segment_all(self, texts: list[str]) -> list[str]:
        """Every text segmented, Hangul outside HTML tags only, analysing the new parts in one batch.

        Works per distinct part: an index of 2,000 pages has 200,000 parts but few distinct ones.
        """
        split = [_TAG.split(text) for text in texts]
        analysable = {part for parts in split for part in parts if _analysable(part)}
        new = sorted(part for part in analysable if part not in self._cache)
        if new:
            for part, morphemes in zip(new, self.analyze(new)):
                found = list(morphemes)
                cuts = _cuts(part, found)
                verbs, nouns = _classified(part, found, cuts)
                self._cache[part] = _SEPARATOR.join((_joined(part, cuts, found), " ".join(sorted(verbs)), " ".join(sorted(nouns))))
            self._dirty = True
        self._used |= analysable
        segmented = {part: self._cache[part].partition(_SEPARATOR)[0] for part in analysable}.get
        return ["".join(map(segmented, parts, parts)) for parts in split]

    def predicates(self) -> set[str]:
        """The pieces of every text segmented so far that are predicates wherever they occur (see
        `predicates`): 볼 is a noun somewhere, and then a topic a reader may mean."""
        entries = [self._cache[part].split(_SEPARATOR) for part in self._used]
        return {w for e in entries for w in e[1].split()} - {w for e in entries for w in e[2].split()}

    def save(self) -> None:
        if self.cache_file and self._dirty:
            diskcache.save(self.cache_file, self.version, self._cache)
            self._dirty = False


def _analysable(part: str) -> bool:
    return not part.startswith("<") and has_hangul(part)


def _cuttable(text: str, cut: int) -> bool:
    # Between two characters of one word, at least one of them Hangul ("Store에서" is cut too).
    before, after = text[cut - 1], text[cut]
    return not {before, after} & {CUT, COMPOUND} and (has_hangul(before) or has_hangul(after))


@functools.cache
def kiwi():
    """The Korean analyser, loaded at the first analysis and then kept for the process: its model
    takes about a second to load and never changes. Kept here, not in the hook, because `mkdocs
    serve` loads hook modules afresh for every rebuild, and each preview edit would pay it again."""
    from kiwipiepy import Kiwi

    # Without the multi-word proper-noun and typo dictionaries (titles of shows, typo
    # correction): help articles do not need them, and a cold build spends 1.4 s less.
    return Kiwi(load_multi_dict=False, load_typo_dict=False)

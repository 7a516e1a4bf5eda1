"""Korean text prepared for a word-based search index.

Korean attaches particles and endings to words ("결제가", "안돼요"), and readers often type without
spaces ("비밀번호재설정"). Like Material's own Chinese support, we mark morpheme boundaries with a
zero-width space: the text reads the same, but the search tokenizer sees "결제", "가", ...
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
ZWSP = "\u200b"
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"\S+")
_TAG = re.compile(r"(<[^>]*>)")  # the index's text keeps some HTML; tags are never segmented
# Part of the cache key: bump when segment() changes what it stores.
SEGMENT_FORMAT = 3


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
    """`text` with a zero-width space at every morpheme boundary inside a word."""
    edges = sorted({edge for m in morphemes for edge in (m.start, m.end)})
    cuts: list[int] = []
    for word in _WORD.finditer(text):  # the edges inside each word, found by bisection: a long page has thousands
        inside = edges[bisect.bisect_right(edges, word.start()):bisect.bisect_left(edges, word.end())]
        cuts += [e for e in inside if _cuttable(text, e)]
    marked = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    return ZWSP.join(marked)


@dataclass
class KoreanIndexer:
    """Segments texts with an analyzer, remembering every analysed text.

    The memory survives rebuilds under `mkdocs serve`; with a `cache_file` it also survives the
    process, so a build whose Korean text is unchanged never loads the analyzer at all.
    """

    analyze: Analyzer
    cache_file: Path | None = None
    version: str = ""
    _cache: dict[str, str] = field(default_factory=dict)  # part → segmented part
    _dirty: bool = False

    def __post_init__(self) -> None:
        # A damaged or foreign cache (an entry that is not segmented text) is ignored, never trusted.
        self._cache = diskcache.load(self.cache_file, self.version, lambda entry: isinstance(entry, str))

    def segment_all(self, texts: list[str]) -> list[str]:
        """Every text segmented, Hangul outside HTML tags only, analysing the new parts in one batch.

        Works per distinct part: an index of 2,000 pages has 200,000 parts but few distinct ones.
        """
        split = [_TAG.split(text) for text in texts]
        analysable = {part for parts in split for part in parts if _analysable(part)}
        new = sorted(part for part in analysable if part not in self._cache)
        if new:
            for part, morphemes in zip(new, self.analyze(new)):
                self._cache[part] = segment(part, list(morphemes))
            self._dirty = True
        segmented = {part: self._cache[part] for part in analysable}.get
        return ["".join(map(segmented, parts, parts)) for parts in split]

    def save(self) -> None:
        if self.cache_file and self._dirty:
            diskcache.save(self.cache_file, self.version, self._cache)
            self._dirty = False


def _analysable(part: str) -> bool:
    return not part.startswith("<") and has_hangul(part)


def _cuttable(text: str, cut: int) -> bool:
    # Between two characters of one word, at least one of them Hangul ("Store에서" is cut too).
    before, after = text[cut - 1], text[cut]
    return ZWSP not in (before, after) and (has_hangul(before) or has_hangul(after))


@functools.cache
def kiwi():
    """The Korean analyser, loaded at the first analysis and then kept for the process: its model
    takes about a second to load and never changes. Kept here, not in the hook, because `mkdocs
    serve` loads hook modules afresh for every rebuild, and each preview edit would pay it again."""
    from kiwipiepy import Kiwi

    # Without the multi-word proper-noun and typo dictionaries (titles of shows, typo
    # correction): help articles do not need them, and a cold build spends 1.4 s less.
    return Kiwi(load_multi_dict=False, load_typo_dict=False)

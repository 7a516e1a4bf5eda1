"""What a query word costs in a built Pagefind index: the words it matches, their page entries, the
chunks the browser downloads for it.

Pagefind matches every indexed word that starts with a query word, and its ranking compares each
result page with every matching (page, word) entry, so a word's entries drive both its download and
its ranking time (MAINTAINERS.md, "Why Pagefind, fed by our analysis"). Reads the index chunks
(gzip'd CBOR behind Pagefind's "pagefind_dcd" signature) with cbor2.

Prints figures; asserts nothing.
    scripts/python tools/bench/benchindex.py SITE/pagefind 결제 오류 ...
    scripts/python tools/bench/benchindex.py SITE/en/pagefind payment failed ...
"""

from __future__ import annotations

import argparse
import gzip
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


@dataclass
class Word:
    entries: int  # pages (records) the word is on
    chunk: str


def chunk_words(path: Path) -> dict[str, int]:
    """Each word of one index chunk → the number of pages it is on."""
    data = cbor2.loads(gzip.decompress(path.read_bytes()).removeprefix(SIGNATURE))
    return {word[0]: len(word[1]) for word in data[0]}


def read_index(folder: Path) -> tuple[dict[str, Word], dict[str, int]]:
    """Every word of the index, and each chunk's size in bytes (as downloaded: already gzip'd)."""
    words: dict[str, Word] = {}
    sizes: dict[str, int] = {}
    for path in sorted((folder / "index").glob("*.pf_index")):
        sizes[path.name] = path.stat().st_size
        words.update({word: Word(entries, path.name) for word, entries in chunk_words(path).items()})
    return words, sizes


def report(folder: Path, queries: list[str]) -> None:
    words, sizes = read_index(folder)
    print(f"{folder}: {len(words)} words, {sum(w.entries for w in words.values())} page entries, "
          f"{len(sizes)} chunks, {sum(sizes.values()) / 1024:.0f} KiB")
    for query in queries:
        typed = unicodedata.normalize("NFD", query.lower())  # Pagefind decomposes queries too
        matched = {word: w for word, w in words.items() if word.startswith(typed)}
        chunks = {w.chunk for w in matched.values()}
        top = sorted(matched.items(), key=lambda item: -item[1].entries)[:8]
        print(f"  {query}: {len(matched)} words, {sum(w.entries for w in matched.values())} entries, "
              f"{len(chunks)} chunks {sum(sizes[c] for c in chunks) / 1024:.1f} KiB; most used: "
              + ", ".join(f"{unicodedata.normalize('NFC', word)} {w.entries}" for word, w in top))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path, help="a built language's pagefind/ folder")
    parser.add_argument("words", nargs="*", help="query words, as the engine receives them")
    arguments = parser.parse_args()
    report(arguments.index, arguments.words)


if __name__ == "__main__":
    main()

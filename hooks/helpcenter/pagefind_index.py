"""Search records written as a Pagefind index: one per language, loaded by the browser in chunks.

Pagefind splits words only at whitespace and punctuation, and indexes a word joined by ASCII
punctuation both whole and as its parts. Korean records arrive with a JOINER at every morpheme
boundary inside a word ("결제^가"), so "결제가", "결제" and "가" are all indexed; the browser removes
the joiner before showing any text. Titles are headings, which Pagefind ranks above body text.

Hangul is given to Pagefind decomposed (NFD). Pagefind stores a word whose decomposed form differs
from it as a "variant" that its chunking does not count, so composed Korean all landed in one
chunk (3.2 MB gzip at 1,000 articles); decomposed, Korean is split into chunks like any language.
Pagefind decomposes queries itself; the browser recomposes text before showing it.
"""

from __future__ import annotations

import asyncio
import html
import unicodedata
from pathlib import Path

# Never next to Hangul in real text, and ASCII punctuation, which Pagefind splits compounds at.
JOINER = "^"
ENGINE_DIR = "pagefind"
# Pagefind also writes its own ready-made interfaces; the site uses Material's, so they are removed.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def engine_html(record: dict[str, str], title: str, content: str) -> str:
    """The document Pagefind indexes for one record: `title` and `content` are the record's texts as
    analysed (joiners inserted), every character escaped, so indexed text can never become markup."""
    kind = "faq" if record["kind"] == "faq" else "page"
    title, content = unicodedata.normalize("NFD", title), unicodedata.normalize("NFD", content)
    return (f'<html lang="{html.escape(record["lang"])}"><body data-pagefind-body data-pagefind-meta="kind:{kind}">'
            f'<h1 data-pagefind-meta="title">{html.escape(title)}</h1><p>{html.escape(content)}</p></body></html>')


def write_index(documents: list[tuple[str, str]], lang: str, output: Path) -> None:
    """Index `documents` ((url, engine_html) pairs) of one language into `output` with Pagefind."""
    asyncio.run(_write(documents, lang, output))
    for pattern in UNUSED:
        for path in output.glob(pattern):
            path.unlink()


async def _write(documents: list[tuple[str, str]], lang: str, output: Path) -> None:
    from pagefind.index import PagefindIndex  # starts Pagefind's binary: only when a site is built

    async with PagefindIndex(config={"force_language": lang, "output_path": str(output)}) as index:
        # All sent at once: Pagefind answers them in turn, without a round trip per record.
        await asyncio.gather(*(index.add_html_file(content=document, url=url) for url, document in documents))

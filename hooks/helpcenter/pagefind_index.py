"""Search records written as a Pagefind index: one per language, loaded by the browser in chunks.

Pagefind splits words only at whitespace, and indexes a word joined by ASCII punctuation both whole
and as its parts. Korean records arrive with a mark at every morpheme boundary inside a word
(korean_text): before a particle, an ending or a suffix, a JOINER ("결제 ^가"), so each morpheme is a
word of the index and the caret, which Pagefind leaves out of the word it indexes but keeps in the
text it stores, tells the browser to show the word whole (결제가); inside a compound noun, a
COMPOUND_JOINER ("고객^지원"), so 고객지원, 고객 and 지원 are all indexed.

Joined by punctuation everywhere ("결제^가"), every form a stem took was a word of its own that a
search for the stem had to go through: at 1,000 articles, 27 words and 8,437 page entries for 결제
in three index chunks (MAINTAINERS.md, "Why Pagefind, fed by our analysis"). Titles are headings,
which Pagefind ranks above body text.

Hangul is given to Pagefind decomposed (NFD). Pagefind stores a word whose decomposed form differs
from it as a "variant" that its chunking does not count, so composed Korean all landed in one
chunk (3.2 MB gzip at 1,000 articles); decomposed, Korean is split into chunks like any language.
Pagefind decomposes queries itself; the browser recomposes text before showing it.
"""

from __future__ import annotations

import contextlib
import functools
import html
import os
import re
import shutil
import subprocess
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from . import pagefind_binary, pagefind_cache
from .errors import ContentError
from .incremental import stop_if_asked
from .pagefind_cache import EngineCache

# A space, then a caret: never before Hangul in real text, and ASCII punctuation, which Pagefind
# leaves out of an indexed word.
JOINER = " ^"
COMPOUND_JOINER = "^"
ENGINE_DIR = "pagefind"
# How much a word of a section heading counts against one of body text (Pagefind weighs h1 7, h2 6,
# h3 5 by default; the headings are also in the body already). Measured on the query probes.
HEADING_WEIGHT = 3
# Pagefind's own weight of an h1, given to an FAQ question's paragraph, and the meta field that
# holds the question (search.js gives it the title's ranking weight).
TITLE_WEIGHT = 7
QUESTION = "question"
# How many word locations (and pages) an index chunk holds before the next word starts another
# (Pagefind's PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE; its default 20,000). A query downloads the chunk of
# each of its words: at the default a common word shared its chunk with its neighbours
# (payment with password, 39 KB); smaller chunks leave a common word nearly alone in its own.
CHUNK_SIZE = 5000
# Korean is indexed decomposed, and Pagefind stores a chunk's first and last word cut short, at a
# jamo: a query word that ends a chunk (오류 after 오ᄅ) then also loads the chunk before it
# (Pagefind's loose match). Smaller Korean chunks make that neighbour cheaper: the first search of
# six queries at 1,000 articles took 189 KiB on average against 192 (3,000: 190). English chunks
# of 2,000 made its first searches 10 KiB dearer.
CHUNK_SIZES = {"ko": 2000}


def environment(lang: str) -> dict[str, str]:
    """What the binary reads from its environment besides its options; part of the engine cache's key."""
    return {"PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(CHUNK_SIZES.get(lang, CHUNK_SIZE))}

# Pagefind also writes its own ready-made interfaces; the site uses Material's, so they are removed.
UNUSED = ("pagefind-ui.*", "pagefind-modular-ui.*", "pagefind-component-ui.*", "pagefind-highlight.js")


def engine_html(record: dict[str, str], title: str, content: str, headings: str = "") -> str:
    """The document Pagefind indexes for one record: `title`, `content` and `headings` are the
    record's texts as analysed (joiners inserted), every character escaped, so indexed text can never
    become markup. The page's address travels as meta `url` (spaced_url; search.js links to it):
    documents are indexed from files of their own. Pagefind 1.5 indexes every meta field's words for
    search: an address's words (sign, in of account/sign-in/) are a good sign of what the page is
    about. An FAQ question's anchor is not among them (its words are the question's, with their
    particles: 결제가, 요금이): it is the id of the question's paragraph, which Pagefind keeps in
    the record's anchors. The kind (faq) and the shown length (a number) are words of the index
    too, with nothing to say; as filters they would not be, but Pagefind 1.5 then writes its
    metadata file in a different order from build to build.
    The section headings come again after the content, weighted as Pagefind weighs an h3
    (HEADING_WEIGHT), and meta `words` says where the text the reader sees ends, so that search.js
    never shows the repeated headings in an excerpt."""
    kind = "faq" if record["kind"] == "faq" else "page"
    title, content, headings = (unicodedata.normalize("NFD", text) for text in (title, content, headings))
    page_url, _, anchor = ("/" + record["url"].lstrip("/")).partition("#")
    if kind == "faq":
        # An FAQ question is not a title to Pagefind: the engine then tells, before a record's text
        # is fetched, whether a query word is in a page's title (search.js fetches those first).
        # A paragraph weighted as a main heading: Pagefind takes any h1 as the title. Its id is
        # the question's anchor, which Pagefind stores with the record without indexing it.
        heading = (f'<p id="{html.escape(anchor, quote=True)}" data-pagefind-weight="{TITLE_WEIGHT}" '
                   f'data-pagefind-meta="{QUESTION}">{html.escape(title)}</p>')
    else:
        heading = f'<h1 data-pagefind-meta="title">{html.escape(title)}</h1>'
    url = html.escape(spaced_url(page_url), quote=True)
    shown = len(title.split()) + len(content.split())
    weighted = f'<p data-pagefind-weight="{HEADING_WEIGHT}">{html.escape(headings)}</p>' if headings.strip() else ""
    return (f'<html lang="{html.escape(record["lang"])}"><body data-pagefind-body data-pagefind-meta="kind:{kind}">'
            f'<data data-pagefind-meta="url[value]" value="{url}"></data><data data-pagefind-meta="words[value]" value="{shown}"></data>'
            f'{heading}<p>{html.escape(content)}</p>{weighted}</body></html>')


def spaced_url(url: str) -> str:
    """A page's address as meta `url` holds it: Pagefind indexes a meta field's words, and indexed
    an address whole as one word joined from its parts (accountsignin, libraryg001a00001: one
    more word per page, matched by every query it starts with) as well as by its parts. Spaces
    around each separator leave only the parts (account, sign, in); search.js removes them again.
    Decomposed like every indexed text (an address in Hangul would otherwise be a variant)."""
    return unicodedata.normalize("NFD", re.sub(r"([^\w])", r" \1 ", url)).strip()


def published_address(fragment: dict) -> str:
    """The address search.js links a published record to (its `address`): meta `url` without the
    spaces spaced_url put in, and an FAQ question's anchor, the record's first anchor."""
    meta = fragment.get("meta") or {}
    # Only the plain spaces spaced_url put in (MkDocs writes a space in an address as %20): any other
    # white space stays, for the output gate to refuse.
    page = unicodedata.normalize("NFC", str(meta.get("url", fragment.get("url", "")))).replace(" ", "")
    anchors = fragment.get("anchors") or []
    return f"{page}#{anchors[0].get('id', '')}" if meta.get("kind") == "faq" and anchors else page


def write_indexes(jobs: list[tuple[list[str], str, Path]], cache: EngineCache | None = None, stop: threading.Event | None = None) -> None:
    """Index each (documents, language, output folder) of `jobs` with Pagefind's binary, every
    language at once: one binary per language, so a two-language site uses both cores. A language
    whose documents are exactly those of an index in `cache` (pagefind_cache) gets that index
    copied instead; every index written is kept there.

    Its command line, not its Python API: the API reads one answer per 0.1 s, so a site of 1,000
    articles spent minutes waiting, where the binary indexes the same files in a second or two.

    Each index is written beside its folder and takes its place when complete. `stop` (the
    preview's, set by a newer save) ends the binaries and raises Cancelled: the indexes not yet in
    place stay as they were."""
    cache = cache or EngineCache(None)
    with contextlib.ExitStack() as stack:
        running = []
        for documents, lang, output in jobs:
            options = ["--force-language", lang, "--quiet"]
            digest = pagefind_cache.key(pagefind_binary.version(), [*options, *(f"{k}={v}" for k, v in environment(lang).items())], _named(documents))
            if cache.restore(lang, digest, output, stop):
                continue
            site = stack.enter_context(tempfile.TemporaryDirectory(prefix="hc-pagefind-"))
            for name, document in _named(documents):  # flat: a folder each cost seconds to make and remove
                Path(site, name).write_text(document, encoding="utf-8")
            output.parent.mkdir(parents=True, exist_ok=True)
            staged = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=".hc-pagefind-", dir=output.parent)), "index")
            command = [str(pagefind_binary.executable()), "--site", site, "--output-path", str(staged.absolute()), *options]
            process = stack.enter_context(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                                           env={**os.environ, **environment(lang)}))
            stack.callback(_end, process)
            running.append((lang, output, digest, process, staged))
        failed = []
        for lang, output, digest, process, staged in running:
            stdout, stderr = _finished(process, stop)
            if process.returncode != 0:
                failed.append(f"the search index for '{lang}' could not be written: {(stderr or stdout).strip()}")
                continue
            for pattern in UNUSED:
                for path in staged.glob(pattern):
                    path.unlink()
            shutil.rmtree(output, ignore_errors=True)
            os.replace(staged, output)
            cache.store(lang, digest, output)
    if failed:
        raise ContentError("\n".join(failed))


def wasm_file(lang: str) -> str | None:
    """The WebAssembly file Pagefind will write for `lang`'s index, as its entry file will name it:
    its build for that language (with the language's stemmer) when the binary has one, else its
    generic build. Known before the index exists, so pages can name it and search.js can fetch it
    beside pagefind.js instead of a round trip later, after the entry file. None when the binary
    does not say (search.js then waits for the entry file, as Pagefind does)."""
    builds = _wasm_builds()
    if not builds:
        return None
    primary = lang.lower().split("-")[0]
    return f"wasm.{primary if primary in builds else 'unknown'}.pagefind"


@functools.cache
def _wasm_builds() -> frozenset[str]:
    """The languages the installed Pagefind binary carries a WebAssembly build for (its embedded
    files are named pagefind_web_bg.<language>.<version>.wasm)."""
    try:
        binary = pagefind_binary.executable().read_bytes()
    except (OSError, pagefind_binary.MissingBinary):
        return frozenset()
    return frozenset(match.decode() for match in re.findall(rb"pagefind_web_bg\.([a-z]+)\.[0-9][0-9.]*\.wasm", binary))


def _finished(process: subprocess.Popen, stop: threading.Event | None) -> tuple[str, str]:
    """The binary's output once it ends; Cancelled as soon as `stop` is set, also when the binary
    ended meanwhile (a small index takes Pagefind less than the wait): a newer save has made its
    index out of date before it took the place of the last one."""
    while True:
        try:
            output = process.communicate(timeout=None if stop is None else 0.05)
        except subprocess.TimeoutExpired:
            output = None
        stop_if_asked(stop)
        if output is not None:
            return output


def _end(process: subprocess.Popen) -> None:
    if process.poll() is None:  # cancelled, or another language's binary failed
        process.kill()
        process.wait()


def _named(documents: list[str]) -> Iterator[tuple[str, str]]:
    """Each document with the file name Pagefind reads it from."""
    return ((f"{number}.html", document) for number, document in enumerate(documents))


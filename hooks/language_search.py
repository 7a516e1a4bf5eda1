"""MkDocs glue for search: a Pagefind index per language, fed by our Korean analysis.

Logic lives in hooks/helpcenter/ (search_records, pagefind_index, korean_text, faq, synonyms,
search_vocab); this file connects it to MkDocs events. The browser side is
docs/assets/javascripts/search.js, which loads the engine only when a reader starts to search.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import build_state
import site_languages
from build_errors import as_build_error, strict_build_failing
from helpcenter import faq, korean_text, pagefind_index, search_records, terms, vocabulary_cache
from helpcenter.buildstate import BuildState
from helpcenter.incremental import PreviewCache, stop_if_asked
from helpcenter.korean_text import COMPOUND, CUT, SEGMENT_FORMAT, KoreanIndexer, Morpheme
from helpcenter.languages import language_root
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from pymdownx.slugs import slugify

# "none" indexes Korean without morphological analysis: only for tools/eval/searcheval.py, which
# measures what Kiwi adds.
ANALYZER = os.environ.get("HC_KOREAN_ANALYZER", "kiwi")
CACHE = ".cache/korean-search.json"
ENGINE_CACHE = ".cache/pagefind"
VOCABULARY_CACHE = ".cache/search-vocabulary.json"
VOCABULARY = "hc-vocabulary.json"
_slugify = slugify(case="lower")


class ThemeSearchBox:
    """Stands in for Material's search plugin, whose index and worker Pagefind replaces: Material's
    header draws the search box (our partials/search.html) only while a plugin of that name is
    enabled, and mkdocs-static-i18n hands such a plugin its index entries after each language."""

    config = SimpleNamespace(enabled=True)

    def __init__(self) -> None:
        self.search_index = SimpleNamespace(entries=[])

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Where Material's plugin writes its index; ours is written by this module's on_post_build."""


@event_priority(100)  # before the theme reads config.plugins: its header shows the search box only for this entry
def on_config(config: MkDocsConfig) -> None:
    if "material/search" not in config.plugins:
        config.plugins["material/search"] = cast(BasePlugin, ThemeSearchBox())  # read by the theme and i18n only
    default = site_languages.default_language(config)
    languages = site_languages.built_languages(config)
    config.extra["hc_search"] = {
        "default": default, "engine": pagefind_index.ENGINE_DIR, "vocabulary": VOCABULARY,
        "roots": {lang: language_root(lang, default) for lang in languages},
        "wasm": {lang: pagefind_index.wasm_file(lang) for lang in languages},
    }


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    html, questions = faq.mark_questions(html, _slugify)
    lang = site_languages.current_language(config)
    _pages(config)[page.url] = search_records.PageText(page.url, lang, page.title or "", html, tuple(questions))
    return html


def faq_questions(config: MkDocsConfig, url: str) -> tuple[faq.Question, ...]:
    """The FAQ questions marked on this build's page at `url`: findable.py's structured data reads
    them (page_context comes after page_content) instead of parsing every page again."""
    page = _pages(config).get(url)
    return page.questions if page is not None else ()


def _pages(config: MkDocsConfig) -> dict[str, search_records.PageText]:
    """This build's pages as search will read them, every language's, by URL."""
    return build_state.of(config).once("search-pages", dict)


def records(config: MkDocsConfig, known: dict | None = None) -> list[dict[str, str]]:
    """The search records of the site just built (url, title, content, lang, kind): see search_records."""
    default = site_languages.default_language(config)
    prefixes = {lang: language_root(lang, default) for lang in site_languages.built_languages(config)}
    return search_records.records(_pages(config).values(), prefixes, known)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if not site_languages.whole_site_built(config) or strict_build_failing(config):
        return  # a strict build that has warned publishes nothing: no index for it (Pagefind, the Korean analysis)
    state, cache = build_state.of(config), build_state.of(config).preview_cache
    synonyms = build_state.data(config, "search-synonyms")
    if cache is None:
        _index(config, state, synonyms)
        return
    # The preview: the pages it did not rebuild keep their text (in a full build's order), and the
    # indexes are written after the page is served (scripts/draftserve.py waits for them before the
    # next build).
    pages = _pages(config)
    kept = cache.kept(cache.last.search_pages, pages)
    pages.clear()
    pages.update(kept)
    cache.last.search_pages = kept
    one_page = cache.rebuilding is not None
    cache.deferred.append(lambda stop: _index(config, state, synonyms, cache, one_page, stop))


def _index(config: MkDocsConfig, state: BuildState, synonyms: dict, cache: PreviewCache | None = None, one_page: bool = False,
           stop: threading.Event | None = None) -> None:
    """Each language's Pagefind index and vocabulary, the languages' indexes written at once; after a
    one-page preview rebuild, only for the languages whose records changed (the others' indexes are
    still in the site). `stop` (the preview's): set by a newer save, which makes this raise
    Cancelled between steps, a language's index and vocabulary either both written or left as before."""
    found, site = records(config, cache.last.search_records if cache is not None else None), Path(config.site_dir)
    analysed, own, jobs = {}, {}, []
    for lang in state.languages:
        own[lang] = [record for record in found if record["lang"] == lang]
        if cache is not None and one_page and cache.last.indexed.get(lang) == own[lang]:
            continue
        stop_if_asked(stop)
        texts = [text for record in own[lang] for text in (record["title"], record["content"], record["headings"])]
        analysed[lang] = _analysed(texts, lang, state)
        documents = [pagefind_index.engine_html(record, *texts) for record, texts in zip(own[lang], zip(*[iter(analysed[lang])] * 3))]
        jobs.append((documents, lang, site / language_root(lang, state.default) / pagefind_index.ENGINE_DIR))
    with as_build_error():
        pagefind_index.write_indexes(jobs, pagefind_index.EngineCache(state.root / ENGINE_CACHE), stop)
    for _, lang, output in jobs:
        stop_if_asked(stop)
        predicates = _korean(state).predicates() if lang == korean_text.LANGUAGE and ANALYZER == "kiwi" else set()
        service = terms.service_names(state.data("glossary"), lang)
        vocabulary = vocabulary_cache.vocabulary(state.root / VOCABULARY_CACHE, analysed[lang], lang, synonyms[lang], predicates, service)
        (output / VOCABULARY).write_text(json.dumps(vocabulary, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        if cache is not None:
            cache.last.indexed[lang] = own[lang]
    _korean(state).save()


def _analysed(texts: list[str], lang: str, state: BuildState) -> list[str]:
    """Korean texts with a joiner at every morpheme boundary inside a word; other languages (no
    Korean analysis) as written."""
    texts = [text.replace(CUT, "").replace(COMPOUND, "") for text in texts]
    if lang != korean_text.LANGUAGE or ANALYZER != "kiwi":
        return texts
    return [text.replace(CUT, pagefind_index.JOINER).replace(COMPOUND, pagefind_index.COMPOUND_JOINER)
            for text in _korean(state).segment_all(texts)]


def _analyze(texts: list[str]):
    for tokens in korean_text.kiwi().tokenize(texts):
        yield [Morpheme(token.start, token.start + token.len, token.tag) for token in tokens]


def _korean(state: BuildState) -> KoreanIndexer:
    """One indexer per build, its analyses kept in .cache/ between builds (see README); the analyser
    itself is loaded once per process (korean_text.kiwi)."""
    from importlib.metadata import version

    return state.once("korean-indexer", lambda: KoreanIndexer(
        _analyze, state.root / CACHE, f"kiwipiepy {version('kiwipiepy')}, format {SEGMENT_FORMAT}"))

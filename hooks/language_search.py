"""MkDocs glue for search: a Pagefind index per language, fed by our Korean analysis.

Logic lives in hooks/helpcenter/ (search_records, pagefind_index, korean_text, faq, synonyms,
search_vocab); this file connects it to MkDocs events. The browser side is
docs/assets/javascripts/search.js, which loads the engine only when a reader starts to search.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import site_languages
from build_errors import as_build_error
from helpcenter import faq, korean_text, pagefind_index, search_records, search_vocab
from helpcenter.datafile import load_schema, load_validated
from helpcenter.korean_text import SEGMENT_FORMAT, ZWSP, KoreanIndexer, Morpheme
from helpcenter.languages import language_root
from helpcenter.synonyms import load_synonyms
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from pymdownx.slugs import slugify

# "none" indexes Korean without morphological analysis: only for tools/eval/searcheval.py, which
# measures what Kiwi adds.
ANALYZER = os.environ.get("HC_KOREAN_ANALYZER", "kiwi")
SYNONYMS, SYNONYMS_SCHEMA = "data/search-synonyms.yml", "data/search-synonyms.schema.json"
GLOSSARY, GLOSSARY_SCHEMA = "data/glossary.yml", "data/glossary.schema.json"
CACHE = ".cache/korean-search.json"
VOCABULARY = "hc-vocabulary.json"
_slugify = slugify(case="lower")
_pages: dict[str, search_records.PageText] = {}


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
    if site_languages.first_pass(config):
        _pages.clear()
    if "material/search" not in config.plugins:
        config.plugins["material/search"] = cast(BasePlugin, ThemeSearchBox())  # read by the theme and i18n only
    default = site_languages.default_language(config)
    config.extra["hc_search"] = {
        "default": default, "engine": pagefind_index.ENGINE_DIR, "vocabulary": VOCABULARY,
        "roots": {lang: language_root(lang, default) for lang in site_languages.built_languages(config)},
    }


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    html, questions = faq.mark_questions(html, _slugify)
    lang = site_languages.current_language(config)
    _pages[page.url] = search_records.PageText(page.url, lang, page.title or "", html, tuple(questions))
    return html


def records(config: MkDocsConfig) -> list[dict[str, str]]:
    """The search records of the site just built (url, title, content, lang, kind): see search_records."""
    default = site_languages.default_language(config)
    prefixes = {lang: language_root(lang, default) for lang in site_languages.built_languages(config)}
    return search_records.records(_pages.values(), prefixes)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if not site_languages.whole_site_built(config):
        return
    root, site = Path(config.config_file_path).parent, Path(config.site_dir)
    default, languages = site_languages.default_language(config), site_languages.built_languages(config)
    with as_build_error():
        synonyms = load_synonyms(root / SYNONYMS, root / SYNONYMS_SCHEMA, SYNONYMS, languages, glossary_terms(root))
    found = records(config)
    for lang in languages:
        own = [record for record in found if record["lang"] == lang]
        texts = _analysed([text for record in own for text in (record["title"], record["content"])], lang, root)
        output = site / language_root(lang, default) / pagefind_index.ENGINE_DIR
        documents = [pagefind_index.engine_html(record, title, content)
                     for record, title, content in zip(own, texts[0::2], texts[1::2])]
        with as_build_error():
            pagefind_index.write_index(documents, lang, output)
        vocabulary = search_vocab.build_vocabulary(texts, lang, synonyms[lang])
        (output / VOCABULARY).write_text(json.dumps(vocabulary, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    if _indexer:
        _indexer[0].save()


def _analysed(texts: list[str], lang: str, root: Path) -> list[str]:
    """Korean texts with a joiner at every morpheme boundary inside a word; other languages as written."""
    texts = [text.replace(ZWSP, "") for text in texts]
    if lang != "ko" or ANALYZER != "kiwi":
        return texts
    return [text.replace(ZWSP, pagefind_index.JOINER) for text in _korean(root).segment_all(texts)]


def glossary_terms(root: Path) -> list[dict]:
    """The glossary's terms: their pairs are synonyms across the languages (helpcenter.synonyms)."""
    terms, _ = load_validated(root / GLOSSARY, load_schema(root / GLOSSARY_SCHEMA), GLOSSARY)
    return terms["terms"]


def _analyze(texts: list[str]):
    for tokens in korean_text.kiwi().tokenize(texts):
        yield [Morpheme(token.start, token.start + token.len, token.tag) for token in tokens]


_indexer: list[KoreanIndexer] = []


def _korean(root: Path) -> KoreanIndexer:
    """One indexer per process, its analyses kept in .cache/ between builds (see README)."""
    if not _indexer:
        from importlib.metadata import version

        _indexer.append(KoreanIndexer(_analyze, root / CACHE, f"kiwipiepy {version('kiwipiepy')}, format {SEGMENT_FORMAT}"))
    return _indexer[0]

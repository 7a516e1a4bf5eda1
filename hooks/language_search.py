"""MkDocs glue for search: one index per language, Korean segmentation, FAQ questions as results.

Logic lives in hooks/helpcenter/ (korean_text, search_index, faq, synonyms); this file connects it
to MkDocs events. The browser side is docs/assets/javascripts/workers/hc-search.js.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import site_languages
from build_errors import as_build_error
from helpcenter import faq, search_index
from helpcenter.korean_text import SEGMENT_FORMAT, KoreanIndexer, Morpheme
from helpcenter.languages import language_of, language_root
from helpcenter.datafile import load_schema, load_validated
from helpcenter.synonyms import load_synonyms
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from pymdownx.slugs import slugify

WORKER = "hc-search.js"
# "none" builds the Korean index without morphological analysis: only for scripts/searcheval.py,
# which measures what Kiwi adds.
ANALYZER = os.environ.get("HC_KOREAN_ANALYZER", "kiwi")
SYNONYMS, SYNONYMS_SCHEMA = "data/search-synonyms.yml", "data/search-synonyms.schema.json"
GLOSSARY, GLOSSARY_SCHEMA = "data/glossary.yml", "data/glossary.schema.json"
CACHE = ".cache/korean-search.json"
_slugify = slugify(case="lower")
_questions: dict[str, list[faq.Question]] = {}
_kiwi = []


def on_config(config: MkDocsConfig) -> None:
    if site_languages.first_pass(config):
        _questions.clear()


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    html, questions = faq.mark_questions(html, _slugify)
    _questions[page.url] = questions
    return html


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return search_index.rewrite_theme_config(output, site_languages.current_root(config), WORKER)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    return search_index.rewrite_theme_config(output, site_languages.current_root(config), WORKER)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(config: MkDocsConfig) -> None:
    if not site_languages.whole_site_built(config):
        return
    root, site = Path(config.config_file_path).parent, Path(config.site_dir)
    default, languages = site_languages.default_language(config), site_languages.built_languages(config)
    with as_build_error():
        synonyms = load_synonyms(root / SYNONYMS, root / SYNONYMS_SCHEMA, SYNONYMS, languages, glossary_terms(root))
    combined_path = site / "search" / "search_index.json"
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    _korean(root).start_build()
    for lang, entries in search_index.split_by_language(combined, default, languages).items():
        prefix = language_root(lang, default)
        entries += [e for url, qs in _questions.items() if language_of(url, default, languages) == lang
                    for e in faq.search_entries(url, qs)]
        index = search_index.language_index(
            entries, search_index.SETTINGS[lang], combined["config"]["fields"], prefix,
            _korean().segment_all if lang == "ko" and ANALYZER == "kiwi" else None, synonyms[lang],
            _korean().function_words if lang == "ko" else list,
        )
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(search_index.to_json(index), encoding="utf-8")
    _korean().save()


def glossary_terms(root: Path) -> list[dict]:
    """The glossary's terms: their pairs are synonyms across the languages (helpcenter.synonyms)."""
    terms, _ = load_validated(root / GLOSSARY, load_schema(root / GLOSSARY_SCHEMA), GLOSSARY)
    return terms["terms"]


def _analyze(texts: list[str]):
    if not _kiwi:
        from kiwipiepy import Kiwi  # loading the model takes about a second: only when needed

        # Without the multi-word proper-noun and typo dictionaries (titles of shows, typo
        # correction): help articles do not need them, and a cold build spends 1.4 s less.
        _kiwi.append(Kiwi(load_multi_dict=False, load_typo_dict=False))
    for tokens in _kiwi[0].tokenize(texts):
        yield [Morpheme(token.start, token.start + token.len, token.tag) for token in tokens]


_indexer: list[KoreanIndexer] = []


def _korean(root: Path | None = None) -> KoreanIndexer:
    """One indexer per process, its analyses kept in .cache/ between builds (see README)."""
    if not _indexer:
        from importlib.metadata import version

        _indexer.append(KoreanIndexer(_analyze, root / CACHE, f"kiwipiepy {version('kiwipiepy')}, format {SEGMENT_FORMAT}"))
    return _indexer[0]

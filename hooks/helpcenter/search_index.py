"""Turn the theme's combined search index into one index per language, ready for Korean queries.

mkdocs-static-i18n merges every language's pages into one search index, so a Korean reader got
English results and the English pipeline (its trimmer drops Hangul) ran on Korean words. Here each
language gets its own index and its own lunr settings; Korean entries are segmented into morphemes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .languages import language_of



@dataclass(frozen=True)
class LanguageSearch:
    """How one language's index is tokenized by Material's search worker (lunr)."""

    lang: str
    separator: str
    pipeline: tuple[str, ...]


SETTINGS = {
    # lunr.ko's trimmer keeps Hangul (the English one strips it). Its stop list (787 words) is left
    # out: it drops words readers ask with, such as 어디, 어떻게, 얼마 and the negation 안; particles and
    # endings are dropped from queries instead (function_words). No Korean stemmer exists.
    "ko": LanguageSearch("ko", r"[\s\u200b\-]+", ("trimmer",)),
    "en": LanguageSearch("en", r"[\s\-]+", ("trimmer", "stopWordFilter", "stemmer")),
}


def split_by_language(index: Mapping[str, Any], default: str, languages: list[str]) -> dict[str, list[dict]]:
    """The index's entries per language."""
    entries: dict[str, list[dict]] = {lang: [] for lang in languages}
    for entry in index["docs"]:
        entries[language_of(entry["location"], default, languages)].append(entry)
    return entries


def language_index(
    entries: list[dict],
    settings: LanguageSearch,
    fields: Mapping[str, Any],
    prefix: str,
    segment_all: Callable[[list[str]], list[str]] | None,
    synonyms: Mapping[str, list[str]],
    function_words: Callable[[], list[str]] = list,
) -> dict[str, Any]:
    """One language's index; locations become relative to that language's root (its `prefix`)."""
    docs = [dict(entry, location=entry["location"].removeprefix(prefix)) for entry in entries]
    if segment_all:
        texts = segment_all([doc[field] for doc in docs for field in ("title", "text")])
        for doc, title, text in zip(docs, texts[0::2], texts[1::2]):
            doc["title"], doc["text"] = title, text
    config = {
        "lang": [settings.lang],
        "separator": settings.separator,
        "pipeline": list(settings.pipeline),
        "fields": dict(fields),
        "synonyms": dict(synonyms),
        # Read by our worker: pieces a query may drop when they were cut off a word ("결제가" → "결제").
        "function_words": function_words(),
    }
    return {"config": config, "docs": docs}


def to_json(index: Mapping[str, Any]) -> str:
    # Hangul written as UTF-8 rather than \\uXXXX escapes: half the bytes for Korean text.
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


_CONFIG_OPEN = '<script id="__config" type="application/json">'


def rewrite_theme_config(page_html: str, language_root: str, worker: str) -> str:
    """Point the page's search at its own language's index and at our worker.

    Material's script reads its settings from the JSON in <script id="__config">: `base` is where it
    fetches search/search_index.json, `search` is the worker script. `language_root` is "" for the
    default language and "en/" for English; `worker` replaces the worker file name, which it gets as
    ?material=... so it can load Material's own worker.
    """
    start = page_html.find(_CONFIG_OPEN) + len(_CONFIG_OPEN)
    end = page_html.find("</script>", start)
    if start < len(_CONFIG_OPEN) or end == -1 or _CONFIG_OPEN in page_html[end:]:
        raise ValueError("the theme's <script id=\"__config\"> was not found exactly once; has the theme changed?")
    return page_html[:start] + _rewritten(page_html[start:end], language_root, worker) + page_html[end:]


@lru_cache(maxsize=256)  # the same few settings on every page of a language (they differ by depth only)
def _rewritten(config_json: str, language_root: str, worker: str) -> str:
    config = json.loads(config_json)
    if language_root:
        config["base"] = config["base"].rstrip("/") + "/" + language_root
    folder, _, material = config["search"].rpartition("/")
    config["search"] = f"{folder}/{worker}?material={material}"
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

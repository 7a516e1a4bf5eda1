"""The search vocabulary of each language kept between builds (search_vocab.build_vocabulary is
about 3 % of a warm build at 1,000 articles per language, for the same answer as last time).

An entry is used only when everything the vocabulary is made from is the same: the analysed texts,
the language, its synonyms, the Korean predicates and the code of search_vocab.py itself (its word
lists included), so an edit to any of them builds the vocabulary again. Like every file in .cache/,
deleting it changes no output, only the time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from . import diskcache, search_vocab


def vocabulary(cache_file: Path | None, texts: list[str], lang: str, synonyms: dict, predicates: Iterable[str] = (),
               service: Iterable[str] = ()) -> dict:
    """search_vocab.build_vocabulary(texts, lang, synonyms, predicates=predicates, service=service), from
    `cache_file` when it holds the vocabulary of exactly these inputs; otherwise built and stored there."""
    predicates, service = sorted(predicates), sorted(service)
    version = diskcache.fingerprint([Path(search_vocab.__file__).read_bytes()])
    key = diskcache.fingerprint([lang, json.dumps(synonyms, sort_keys=True, ensure_ascii=False), " ".join(predicates),
                                 json.dumps(service, ensure_ascii=False), str(len(texts)), *texts])
    stored = diskcache.load(cache_file, version, lambda entry: isinstance(entry, dict) and isinstance(entry.get("vocabulary"), dict))
    if lang in stored and stored[lang].get("key") == key:
        return stored[lang]["vocabulary"]
    made = search_vocab.build_vocabulary(texts, lang, synonyms, predicates=predicates, service=service)
    if cache_file is not None:
        diskcache.save(cache_file, version, {**stored, lang: {"key": key, "vocabulary": made}})
    return made

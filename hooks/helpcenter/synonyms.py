"""Search synonyms: the words readers type, mapped to the words our pages use (data/search-synonyms.yml),
and the glossary's pairs (data/glossary.yml) as synonyms across the two languages."""

from __future__ import annotations

import re
from pathlib import Path

from .datafile import load_schema, load_validated, require_languages

Synonyms = dict[str, dict[str, list[str]]]
# What a synonym key may not contain (data/search-synonyms.schema.json, "word").
_NOT_A_KEY = re.compile(r"[\s+\-*~^:\"A-Z]")


def load_synonyms(path: Path, schema_path: Path, label: str, languages: list[str], glossary: list[dict] | None = None) -> Synonyms:
    """Per language, word → words to search as well; a mistake raises ContentError naming file:line and field.

    With the glossary's `terms`, their pairs are added where the file does not say otherwise.
    """
    schema = require_languages(load_schema(schema_path), [[]], languages)
    raw, _ = load_validated(path, schema, label)
    if glossary:
        for lang, pairs in from_glossary(glossary, languages).items():
            raw[lang] = {**pairs, **raw.get(lang, {})}
    return raw


def from_glossary(terms: list[dict], languages: list[str]) -> Synonyms:
    """On each site, the other languages' terms and every `avoid` variant lead to the site's term:
    "payment" finds 결제 on the Korean site, 결제 finds "payment" on the English one, 멤버쉽 finds 멤버십."""
    synonyms: Synonyms = {lang: {} for lang in languages}
    for term in terms:
        for lang in languages:
            if lang not in term:
                continue
            preferred = _plain(term[lang])
            typed = [term[other] for other in languages if other != lang and other in term]
            typed += [variant for variants in term.get("avoid", {}).values() for variant in variants]
            for key in filter(None, map(_key, typed)):
                if key != _key(preferred):
                    synonyms[lang].setdefault(key, [preferred])
    return synonyms


def _plain(term: str) -> str:
    # "자주 묻는 질문(FAQ)" is written with its abbreviation; the pages' words are before it.
    return re.sub(r"\s*\([^)]*\)", "", term).strip()


def _key(term: str) -> str | None:
    # As a reader types it: lower case, without spaces ("비밀번호 재설정" → "비밀번호재설정").
    key = re.sub(r"\s+", "", _plain(term).lower())
    return key if key and not _NOT_A_KEY.search(key) else None

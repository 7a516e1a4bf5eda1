"""Search synonyms: the words readers type, mapped to the words our pages use (data/search-synonyms.yml),
and the glossary's pairs (data/glossary.yml) as synonyms across the two languages."""

from __future__ import annotations

import re
from pathlib import Path

from .datafile import load_schema, load_validated, require_languages

Synonyms = dict[str, dict[str, list[str]]]
# What a synonym key may not contain (data/search-synonyms.schema.json, "word").
_NOT_A_KEY = re.compile(r"[\s+\-*~^:\"A-Z]")
_HANGUL = re.compile("[\u3131-\u318e\uac00-\ud7a3]")


def load_synonyms(path: Path, schema_path: Path, label: str, languages: list[str], glossary: list[dict] | None = None) -> Synonyms:
    """Per language, word → words to search as well; a mistake raises ContentError naming file:line and field.

    With the glossary's `terms`, their pairs are added where the file does not say otherwise.
    """
    schema = require_languages(load_schema(schema_path), [[]], languages)
    raw, _ = load_validated(path, schema, label)
    if glossary:
        for lang, pairs in from_glossary(glossary, languages).items():
            raw[lang] = {**pairs, **raw.get(lang, {})}
    for lang, pairs in across_sites(raw, languages).items():
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


def across_sites(synonyms: Synonyms, languages: list[str]) -> Synonyms:
    """On a site not written in Hangul, the Korean words readers type that another site's synonyms
    lead to a word this site also reads: Korean readers type the same words on either site, and the
    Korean site's list is the fullest one of how they type them, so 리펀드 (refund in Hangul, 환불 on
    the Korean site) finds "refund" on the English site, which reads 환불 as "refund". Single words
    only; phrases are each site's own. (English words on the Korean site are not taken: an English
    word there can lead to another sense, "channels" to the English site's "methods" and that to
    결제 수단.)"""
    derived: Synonyms = {lang: {} for lang in languages}
    for lang in languages:
        here = synonyms.get(lang, {})
        if _mostly_hangul([target for targets in here.values() for target in targets]):
            continue
        for other in languages:
            for key, targets in synonyms.get(other, {}).items():
                if " " in key or key in here or not _HANGUL.search(key) or not all(target in here for target in targets):
                    continue
                words = [word for target in targets for word in here[target]]
                derived[lang].setdefault(key, list(dict.fromkeys(words)))
    return derived


def _mostly_hangul(words: list[str]) -> bool:
    return sum(bool(_HANGUL.search(word)) for word in words) * 2 > len(words)


def _plain(term: str) -> str:
    # "자주 묻는 질문(FAQ)" is written with its abbreviation; the pages' words are before it.
    return re.sub(r"\s*\([^)]*\)", "", term).strip()


def _key(term: str) -> str | None:
    # As a reader types it: lower case, without spaces ("비밀번호 재설정" → "비밀번호재설정").
    key = re.sub(r"\s+", "", _plain(term).lower())
    return key if key and not _NOT_A_KEY.search(key) else None

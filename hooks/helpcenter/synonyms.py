"""Search synonyms: the words readers type, mapped to the words our pages use (data/search-synonyms.yml)."""

from __future__ import annotations

from pathlib import Path

from .datafile import load_schema, load_validated, require_languages

Synonyms = dict[str, dict[str, list[str]]]


def load_synonyms(path: Path, schema_path: Path, label: str, languages: list[str]) -> Synonyms:
    """Per language, word → words to search as well; a mistake raises ContentError naming file:line and field."""
    schema = require_languages(load_schema(schema_path), [[]], languages)
    raw, _ = load_validated(path, schema, label)
    return raw

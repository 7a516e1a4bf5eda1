"""Load data/glossary.yml: the terms pages use, one per site language, and the variants to avoid."""

from __future__ import annotations

from pathlib import Path

from .datafile import language_fields, load_schema, load_validated


def load_glossary(path: Path, schema_path: Path, label: str, languages: list[str]) -> dict:
    """The glossary, every term in every site language; a mistake raises ContentError naming file:line."""
    schema = language_fields(load_schema(schema_path), [["properties", "terms", "items"]], languages, "term")
    return load_validated(path, schema, label)[0]


def service_names(glossary: dict, lang: str) -> list[str]:
    """The service's own names in `lang` (terms marked `service`): what every page is about."""
    return [term[lang] for term in glossary["terms"] if term.get("service") and lang in term]

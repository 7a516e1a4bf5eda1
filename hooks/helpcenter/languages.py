"""Where each language lives: the default language at the site root, every other under /<lang>/."""

from __future__ import annotations

from collections.abc import Sequence


def language_root(lang: str, default: str) -> str:
    """The path prefix of a language's pages: "" for the default language, "en/" for English."""
    return "" if lang == default else f"{lang}/"


def language_of(location: str, default: str, languages: Sequence[str]) -> str:
    """The language of a site location such as "en/faq/#account" (a prefix, not a folder, is not one)."""
    return next((lang for lang in languages if lang != default and location.startswith(language_root(lang, default))), default)

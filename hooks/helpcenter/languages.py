"""Where each language lives: the default language at the site root, every other under /<lang>/."""

from __future__ import annotations


def language_root(lang: str, default: str) -> str:
    """The path prefix of a language's pages: "" for the default language, "en/" for English."""
    return "" if lang == default else f"{lang}/"


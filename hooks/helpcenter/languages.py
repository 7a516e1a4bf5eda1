"""Where each language lives, and which languages the site has: the default language at the site
root, every other under /<lang>/, all as mkdocs-static-i18n is configured in mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


def language_root(lang: str, default: str) -> str:
    """The path prefix of a language's pages: "" for the default language, "en/" for English."""
    return "" if lang == default else f"{lang}/"


@dataclass(frozen=True)
class Languages:
    default: str
    all: tuple[str, ...]  # the built languages, in mkdocs.yml's order

    @property
    def translations(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.all if lang != self.default)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: MkDocs' own tags (!ENV, !!python/...) read as nothing."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def configured(mkdocs_yml: Path) -> Languages:
    """The site's languages from the i18n plugin's settings, for tools that run without MkDocs
    (the writers' commands, the tests)."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 -- a SafeLoader
    plugins = config.get("plugins") or []
    i18n = next(entry["i18n"] for entry in plugins if isinstance(entry, dict) and "i18n" in entry)
    built = [lang for lang in i18n["languages"] if lang.get("build", True)]
    return Languages(next(lang["locale"] for lang in built if lang.get("default")), tuple(lang["locale"] for lang in built))


def og_locale(lang: str) -> str:
    """The Open Graph locale (language_TERRITORY) of a site language: ko → ko_KR, en → en_US, ja → ja_JP."""
    from babel import Locale
    from babel.core import get_global

    locale = Locale.parse(lang.replace("-", "_"))
    if locale.territory:
        return f"{locale.language}_{locale.territory}"
    likely = get_global("likely_subtags").get(str(locale), str(locale)).split("_")
    return f"{locale.language}_{likely[-1]}" if len(likely) > 1 else locale.language


def template_languages(default: str, languages: list[str], site_names: dict[str, str], ui: dict) -> dict:
    """What the templates know of the languages (overrides/ reads it as config.extra.hc_languages):
    their order (the default first), home folders, site names, link-preview locales and interface text."""
    order = [default, *(lang for lang in languages if lang != default)]
    return {"default": default, "order": order, "roots": {lang: language_root(lang, default) for lang in order},
            "site_names": site_names, "og_locales": {lang: og_locale(lang) for lang in order}, "ui": ui}

"""The site's languages as mkdocs-static-i18n configures them (shared by our hooks; not a hook itself)."""

from __future__ import annotations

from typing import Any

from helpcenter.languages import language_root
from mkdocs.config.defaults import MkDocsConfig


def built_languages(config: MkDocsConfig) -> list[str]:
    return [lang.locale for lang in _i18n(config).config.languages if lang.build]


def default_language(config: MkDocsConfig) -> str:
    return next(lang.locale for lang in _i18n(config).config.languages if lang.default)


def site_names(config: MkDocsConfig) -> dict[str, str]:
    """Each language's site name: its own in the i18n settings, else mkdocs.yml's. Valid in the
    default language's pass only: later passes see config.site_name already set for their language."""
    languages = config.plugins["i18n"].config.languages
    return {lang.locale: lang.site_name or config.site_name for lang in languages if lang.build}


def whole_site_built(config: MkDocsConfig) -> bool:
    """In on_post_build: True once every language is built, not within one language's own pass."""
    return not _i18n(config).building


def current_root(config: MkDocsConfig) -> str:
    """The path prefix of the language being built: "" for the default language, "en/" for English."""
    return language_root(current_language(config), default_language(config))


def current_language(config: MkDocsConfig) -> str:
    # The plugin's own state, set before each later language's pass starts (None before the first
    # pass); the theme language follows only in the plugin's on_config, which runs after ours.
    return _i18n(config).current_language or default_language(config)


def _i18n(config: MkDocsConfig) -> Any:
    """mkdocs-static-i18n's plugin object: its state (building, current_language) is not typed."""
    return config.plugins["i18n"]

"""Keep one 404 page per language.

mkdocs-static-i18n builds each language in turn into the same site_dir, so the last language's
404.html overwrites the default language's. Static hosts serve the root 404.html for every
missing URL, so the root copy must stay in the default language; the others go to /<lang>/404.html
for hosts that serve the nearest 404 page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

_default_output: dict[str, str] = {}


def _default_locale(config: MkDocsConfig) -> str:
    i18n = config.plugins["i18n"].config
    return next(lang.locale for lang in i18n.languages if lang.default)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    locale = config.theme["language"]
    if locale == _default_locale(config):
        _default_output[config.site_dir] = output
        return output
    target = Path(config.site_dir, locale, "404.html")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _default_output[config.site_dir]

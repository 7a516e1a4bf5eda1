"""The templates in every language: what they know of the site's languages (config.extra.hc_languages:
their homes, site names, link-preview locales and interface text from data/ui-text.yml), and one
404 page per language.

mkdocs-static-i18n builds each language in turn into the same site_dir, so the last language's
404.html overwrites the default language's. Static hosts serve the root 404.html for every missing
URL, so the root copy stays in the default language; the others go to /<lang>/404.html for hosts
that serve the nearest 404 page. (The sitemap needs no such care: every language's build writes
the same one, listing all languages with their alternates.)
"""

from __future__ import annotations

from pathlib import Path

import build_state
import site_languages
from helpcenter.languages import template_languages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

PER_LANGUAGE = ("404.html",)


# Before security_headers (0) hashes the templates' scripts as rendered with config.extra.
@event_priority(100)
def on_config(config: MkDocsConfig) -> None:
    state = build_state.of(config)
    ui = build_state.data(config, "ui-text")
    # Read in the build's first pass, before mkdocs-static-i18n gives config.site_name a language's own.
    config.extra["hc_languages"] = state.once("template-languages", lambda: template_languages(
        state.default, list(state.languages), site_languages.site_names(config), ui))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name not in PER_LANGUAGE:
        return output
    default_output: dict[str, str] = build_state.of(config).once("default-language-templates", dict)
    locale = site_languages.current_language(config)
    if locale == site_languages.default_language(config):
        default_output[template_name] = output
        return output
    target = Path(config.site_dir, locale, template_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return default_output[template_name]

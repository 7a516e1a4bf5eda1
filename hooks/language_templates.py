"""Keep one 404 page per language.

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
from mkdocs.config.defaults import MkDocsConfig

PER_LANGUAGE = ("404.html",)



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

"""MkDocs glue for what search engines read: language alternates, JSON-LD, robots.txt.

The values are computed by hooks/helpcenter/seo.py; overrides/main.html prints them in <head>.
"""

from __future__ import annotations

import html
from pathlib import Path

import build_state
import language_search
import site_languages
from helpcenter import seo
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    lang, default = site_languages.current_language(config), site_languages.default_language(config)
    site_url = config.site_url or "/"
    context["hc_alternates"] = seo.alternates(page.url, lang, default, site_languages.built_languages(config), site_url)
    blocks = [seo.breadcrumb_list(_crumbs(page, site_languages.current_root(config), site_url, config.site_name))]
    questions = language_search.faq_questions(config, page.url)
    if questions:
        blocks.append(seo.faq_page(questions, lang))
    if page.url == site_languages.current_root(config):  # each language's home page
        organization = seo.organization(build_state.data(config, "support-methods"), lang, config.site_name, site_url, default)
        if organization:
            blocks.append(organization)
    context["hc_jsonld"] = [seo.script_json(block) for block in blocks]
    return context


@event_priority(-300)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if not site_languages.whole_site_built(config):
        return
    sitemap = seo.absolute(config.site_url or "/", "sitemap.xml")
    (Path(config.site_dir) / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n", encoding="utf-8")


def _crumbs(page: Page, home: str, site_url: str, site_name: str) -> list[seo.Crumb]:
    crumbs = [seo.Crumb(site_name, seo.absolute(site_url, home))]
    for section in reversed(list(page.ancestors)):
        index = next((child for child in getattr(section, "children", []) if getattr(child, "is_index", False)), None)
        if index is not None and index is not page:
            crumbs.append(seo.Crumb(section.title or "", seo.absolute(site_url, index.url)))
    if not page.is_homepage:
        crumbs.append(seo.Crumb(_plain(page.title), seo.absolute(site_url, page.url)))
    return crumbs


def _plain(title) -> str:
    """JSON-LD wants the title as text, and page.title is HTML whatever set it: MkDocs keeps a
    heading's entities (mkdocs.utils.rendering.get_heading_text), hooks/safe_meta.py escapes a front
    matter title. So it is unescaped whether or not safe_meta has run."""
    return html.unescape(str(title))

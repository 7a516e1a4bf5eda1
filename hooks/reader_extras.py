"""MkDocs glue for the notice bar (data/notices.yml); overrides/main.html renders it and the
"was this page helpful?" question, in the page's language. The choice of notice is made by
hooks/helpcenter/notices.py.
"""

from __future__ import annotations

import build_state
import site_languages
from build_errors import as_build_error
from helpcenter import notices
from helpcenter.errors import raise_problems
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

LABEL = "data/notices.yml"


def on_config(config: MkDocsConfig) -> None:
    _notice(config)


def _notice(config: MkDocsConfig) -> dict | None:
    """Today's notice, if any (the day is SOURCE_DATE_EPOCH's when set, for reproducible builds)."""
    found = build_state.data(config, "notices")
    with as_build_error():
        return build_state.of(config).once("notice", lambda: notices.active(found, notices.build_date()))


@event_priority(-200)  # after mkdocs-static-i18n has given this language's files their URLs
def on_files(files: Files, config: MkDocsConfig) -> None:
    notice, lang = _notice(config), site_languages.current_language(config)
    build_state.of(config).files = files
    if notice:
        with as_build_error():
            raise_problems(notices.missing_page(notice, LABEL, lang, lambda page: files.get_file_from_path(f"{lang}/{page}") is not None))


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    notice = _notice(config)
    if notice:
        lang = site_languages.current_language(config)
        target = build_state.of(config).files.get_file_from_path(f"{lang}/{notice['page']}") if notice.get("page") else None
        # Text, never markup: the theme's templates do not escape, and the schema lets "&" through
        # ("R&D"), so "&#x202E;" or "&lt;" would otherwise reach readers as characters.
        context["hc_notice"] = {"text": escape(notice[lang]), "href": notices.link(config.site_url, target.url) if target else None}
    return context

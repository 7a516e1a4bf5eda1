"""MkDocs glue for the notice bar (data/notices.yml); overrides/main.html renders it and the
"was this page helpful?" question, in the page's language. The choice of notice is made by
hooks/helpcenter/notices.py.
"""

from __future__ import annotations

from pathlib import Path

import site_languages
from build_errors import as_build_error
from helpcenter import notices
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

LABEL = "data/notices.yml"
_state: dict = {}


def on_config(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    with as_build_error():
        found = notices.load_notices(root / LABEL, root / "data/notices.schema.json", LABEL)
    _state["notice"] = notices.active(found, notices.build_date())


@event_priority(-200)  # after mkdocs-static-i18n has given this language's files their URLs
def on_files(files: Files, config: MkDocsConfig) -> None:
    notice, lang = _state["notice"], site_languages.current_language(config)
    _state["target"] = None
    if notice and notice.get("page"):
        _state["target"] = files.get_file_from_path(f"{lang}/{notice['page']}")
        if _state["target"] is None:
            raise PluginError(f"{LABEL}: notice '{notice['id']}': page '{notice['page']}' does not exist in docs/{lang}/")


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    notice, target = _state["notice"], _state["target"]
    if notice:
        lang = site_languages.current_language(config)
        context["hc_notice"] = {"text": notice[lang], "href": target.url_relative_to(page.file) if target else None}
    return context

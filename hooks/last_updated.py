"""MkDocs glue for "last updated" dates (hooks/helpcenter/last_updated.py): Material shows
page.meta.git_revision_date_localized at the end of each page.

A shallow clone has only its newest commit, so every page would get that date: scripts/build
deepens it first, and CI checks out the full history.
"""

from __future__ import annotations

from pathlib import Path

import site_languages
from helpcenter import last_updated
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_state: dict = {}


def on_config(config: MkDocsConfig) -> None:
    if not site_languages.first_pass(config):  # one read of the history serves every language
        return
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    _state.update(changed=last_updated.parse(last_updated.git_log(root, docs)), docs=docs, today=last_updated.today())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    day = last_updated.day(_state["changed"].get(f"{_state['docs']}/{page.file.src_uri}"), _state["today"])
    text = escape(last_updated.localized(day, site_languages.current_language(config)))
    page.meta["git_revision_date_localized"] = f'<time class="hc-last-updated" datetime="{day.isoformat()}">{text}</time>'
    return markdown

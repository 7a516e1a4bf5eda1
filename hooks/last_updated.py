"""MkDocs glue for "last updated" dates (hooks/helpcenter/last_updated.py): Material shows
page.meta.git_revision_date_localized at the end of each page.

A shallow clone has only its newest commit, so every page would get that date: scripts/build
deepens it first, and CI checks out the full history.
"""

from __future__ import annotations

from pathlib import Path

import build_state
import site_languages
from helpcenter import last_updated
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def _history(config: MkDocsConfig) -> tuple[dict[str, int], str]:
    """One read of the history per build serves every language: path → time of its last commit."""
    def read() -> tuple[dict[str, int], str]:
        root = Path(config.config_file_path).parent
        docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
        return last_updated.parse(last_updated.git_log(root, docs)), docs
    return build_state.of(config).once("last-updated", read)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    changed, docs = _history(config)
    today = build_state.of(config).once("today", last_updated.today)
    day = last_updated.day(changed.get(f"{docs}/{page.file.src_uri}"), today)
    text = escape(last_updated.localized(day, site_languages.current_language(config)))
    page.meta["git_revision_date_localized"] = f'<time class="hc-last-updated" datetime="{day.isoformat()}">{text}</time>'
    return markdown

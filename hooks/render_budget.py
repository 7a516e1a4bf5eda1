"""MkDocs glue for the render ceiling (helpcenter/render_budget.py): Markdown gets a page between
the last on_page_markdown handler and the first on_page_content handler, and a page that keeps it
busy for longer than the ceiling stops the build with the page's name, not hours later."""

from __future__ import annotations

from helpcenter import render_budget
from helpcenter.checks import Problem
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


@event_priority(-10_000)  # last: from here to on_page_content the time is Markdown's own
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    path = f"docs/{page.file.src_uri}"

    def expired() -> None:
        render_budget.stop()
        message = render_budget.MESSAGES["slow"].format(seconds=render_budget.SECONDS)
        raise PluginError(str(Problem(path, 1, render_budget.NAME, message)))

    render_budget.start(expired)
    return markdown


@event_priority(10_000)  # first: before any hook of ours spends time on the HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs) -> str:
    render_budget.stop()
    return html


def on_build_error(error: Exception) -> None:
    render_budget.stop()

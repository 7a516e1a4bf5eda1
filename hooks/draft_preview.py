"""MkDocs glue for the preview's draft mode (hooks/helpcenter/draft.py): every warning and error of
the build, collected and shown at the top of the page it is about, in the page's language.

Only when build_errors.draft(config): `scripts/serve`. Strict builds never collect or change pages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import build_state
import site_languages
from build_errors import draft as is_draft
from helpcenter import draft
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[draft.Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith("mkdocs.livereload"):  # a browser's 404 during a build is no content problem
            self.problems.append(draft.locate(record.getMessage()))


@dataclass
class _Preview:
    collector: _Collector
    written: dict[str, tuple[str, int]] = field(default_factory=dict)  # page → (file written, problems shown)


@event_priority(100)  # first: what the other hooks report in on_config is collected too
def on_config(config: MkDocsConfig) -> None:
    _preview(config)


def _preview(config: MkDocsConfig) -> _Preview | None:
    state = build_state.of(config)
    return state.once("draft-preview", lambda: _start(state) if is_draft(config) else None)


def _start(state) -> _Preview:
    preview = _Preview(_Collector())
    logger = logging.getLogger("mkdocs")
    logger.addHandler(preview.collector)
    state.on_close(lambda: logger.removeHandler(preview.collector))
    return preview


@event_priority(-1100)  # after security_headers (-1000) has hashed the page's scripts; the banner has none
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    preview = _preview(config)
    if preview is None:
        return output
    src = page.file.src_uri
    own, site = _problems(preview, src)
    preview.written[src] = (page.file.abs_dest_path, len(own) + len(site))
    return draft.with_banner(output, draft.banner(own, site, _words(config, src)))


@event_priority(-1100)  # last: problems found after a page was written (anchors) reach it too
def on_post_build(config: MkDocsConfig) -> None:
    if not site_languages.whole_site_built(config):
        return
    preview = _preview(config)
    carried = build_state.of(config).preview_cache
    if preview is not None and carried is not None:  # a one-page rebuild: the kept pages' banners must still be right
        carried.check_problems(preview.collector.problems, lambda problem: problem.src)
    if preview is not None:
        for src, (dest, shown) in preview.written.items():
            own, site = _problems(preview, src)
            if len(own) + len(site) != shown:
                path = Path(dest)
                path.write_text(draft.with_banner(path.read_text(encoding="utf-8"), draft.banner(own, site, _words(config, src))),
                                encoding="utf-8")
    build_state.of(config).close()  # the end of the build: log handlers and filters come off


def _words(config: MkDocsConfig, src: str) -> dict[str, str]:
    """The banner's words in the language of the page at docs/`src` (data/ui-text.yml)."""
    ui = build_state.data(config, "ui-text")
    return ui.get(src.partition("/")[0], ui[build_state.of(config).default])["draft"]


def _problems(preview: _Preview, src: str) -> tuple[list[str], list[str]]:
    found = preview.collector.problems
    return [p.message for p in found if p.src == src], [p.message for p in found if p.src is None]

"""MkDocs glue for the preview's draft mode (hooks/helpcenter/draft.py): every warning and error of
the build, collected and shown at the top of the page it is about, in the page's language.

Only when build_errors.draft(config): `scripts/serve`. Strict builds never collect or change pages.
"""

from __future__ import annotations

import logging
from pathlib import Path

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


_state: dict = {}  # this build's collector and the pages it wrote; reset in on_config


@event_priority(100)  # first: what the other hooks report in on_config is collected too
def on_config(config: MkDocsConfig) -> None:
    if not site_languages.first_pass(config):
        return
    _stop()
    if is_draft(config):
        _state.update(collector=_Collector(), written={})
        logging.getLogger("mkdocs").addHandler(_state["collector"])


@event_priority(-1100)  # after security_headers (-1000) has hashed the page's scripts; the banner has none
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if "collector" not in _state:
        return output
    src = page.file.src_uri
    own, site = _problems(src)
    _state["written"][src] = (page.file.abs_dest_path, len(own) + len(site))
    return draft.with_banner(output, draft.banner(own, site, src.partition("/")[0]))


@event_priority(-1100)  # last: problems found after a page was written (anchors) reach it too
def on_post_build(config: MkDocsConfig) -> None:
    if "collector" not in _state or not site_languages.whole_site_built(config):
        return
    for src, (dest, shown) in _state["written"].items():
        own, site = _problems(src)
        if len(own) + len(site) != shown:
            path = Path(dest)
            path.write_text(draft.with_banner(path.read_text(encoding="utf-8"), draft.banner(own, site, src.partition("/")[0])),
                            encoding="utf-8")
    _stop()


def on_build_error(error: Exception) -> None:
    _stop()


def _problems(src: str) -> tuple[list[str], list[str]]:
    found = _state["collector"].problems
    return [p.message for p in found if p.src == src], [p.message for p in found if p.src is None]


def _stop() -> None:
    # By class name, not by identity: `mkdocs serve` loads this module afresh for each rebuild, so
    # the collector of an earlier build may belong to an earlier copy of the module.
    logger = logging.getLogger("mkdocs")
    for old in [h for h in logger.handlers if type(h).__name__ == _Collector.__name__]:
        logger.removeHandler(old)
    _state.clear()

"""MkDocs glue: MkDocs' own messages about broken links and anchors get the file's line and a fix
(hooks/helpcenter/link_messages.py), in every build."""

from __future__ import annotations

import logging
from pathlib import Path

import build_state
from helpcenter.link_messages import Restater
from mkdocs.config.defaults import MkDocsConfig

_LOGGER = logging.getLogger("mkdocs.structure.pages")  # where MkDocs reports links


class _Restate(logging.Filter):
    def __init__(self, docs: Path) -> None:
        super().__init__()
        self.restater = Restater(lambda src: _read(docs / src))

    def filter(self, record: logging.LogRecord) -> bool:
        restated = self.restater.restate(record.getMessage())
        if restated:
            record.msg, record.args = restated, ()
        return True


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def on_config(config: MkDocsConfig) -> None:
    state = build_state.of(config)
    if state.first("link-messages"):  # a fresh count of repeated links for every build
        restate = _Restate(Path(config.docs_dir))
        _LOGGER.addFilter(restate)
        state.on_close(lambda: _LOGGER.removeFilter(restate))

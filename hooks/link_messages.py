"""MkDocs glue: MkDocs' own messages about broken links and anchors get the file's line and a fix
(hooks/helpcenter/link_messages.py), in every build."""

from __future__ import annotations

import logging
from pathlib import Path

import site_languages
from helpcenter.link_messages import Restater
from mkdocs.config.defaults import MkDocsConfig

_LOGGER = logging.getLogger("mkdocs.structure.pages")  # where MkDocs reports links
_state: dict = {}  # this build's filter; reset in on_config


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
    if site_languages.first_pass(config):  # a fresh count of repeated links for every build
        _stop()
        _state["filter"] = _Restate(Path(config.docs_dir))
        _LOGGER.addFilter(_state["filter"])


def on_build_error(error: Exception) -> None:
    _stop()


def _stop() -> None:
    # By class name, not by identity: `mkdocs serve` loads this module afresh for each rebuild, so
    # the filter of an earlier build may belong to an earlier copy of the module.
    for old in [f for f in _LOGGER.filters if type(f).__name__ == _Restate.__name__]:
        _LOGGER.removeFilter(old)
    _state.clear()

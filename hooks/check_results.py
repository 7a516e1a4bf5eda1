"""MkDocs glue for the build's results as data (hooks/helpcenter/results.py): when HC_CHECK_RESULTS
names a file, every warning and error of the build is written there as it happens, one JSON object
per line, so scripts/writer.py check reads results instead of log text. A build stopped half-way
has written everything it reported up to then.
"""

from __future__ import annotations

import logging
import os

import build_errors
import build_state
from helpcenter import results
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

SETTING = "HC_CHECK_RESULTS"
_LEVELS = {logging.ERROR: "error", logging.WARNING: "warning"}


class _Writer(logging.Handler):
    def __init__(self, path: str) -> None:
        super().__init__(logging.INFO)
        self.file = open(path, "a", encoding="utf-8")  # noqa: SIM115 -- closed with the build

    def emit(self, record: logging.LogRecord) -> None:
        entry = getattr(record, "hc_result", None)
        if entry is not None:
            entries = [entry]
        elif record.levelno >= logging.WARNING and not record.name.startswith("mkdocs.livereload"):
            entries = results.from_message(_LEVELS.get(record.levelno, "error"), record.getMessage())
        else:
            return
        self.file.write("".join(map(results.dumps, entries)))
        self.file.flush()

    def close(self) -> None:
        self.file.close()
        super().close()


@event_priority(100)  # first, with draft_preview: what the other hooks report in on_config is recorded too
def on_config(config: MkDocsConfig) -> None:
    build_errors.strict_counts_every_warning(config)  # before any hook warns
    state = build_state.of(config)
    if os.environ.get(SETTING) and state.first("check-results"):
        writer, logger = _Writer(os.environ[SETTING]), logging.getLogger("mkdocs")
        logger.addHandler(writer)

        def close() -> None:
            logger.removeHandler(writer)
            writer.close()

        state.on_close(close)

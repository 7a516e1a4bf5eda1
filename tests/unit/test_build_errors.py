"""A strict build that has warned fails at its end: the hooks know it, and skip work that only makes output."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from build_errors import log, strict_build_failing
from mkdocs.utils import CountHandler


def _counted(strict: bool, warn: bool) -> bool:
    """As mkdocs.commands.build counts a strict build's warnings: a CountHandler on its logger."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        log.info("docs/ko/faq.md: checked")
        if warn:
            log.warning("docs/ko/faq.md:3: a writer's mistake")
        return strict_build_failing(SimpleNamespace(strict=strict))  # type: ignore[arg-type]
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)


def test_a_strict_build_that_warned_is_failing():
    assert _counted(strict=True, warn=True)


def test_a_strict_build_without_warnings_or_a_preview_is_not():
    assert not _counted(strict=True, warn=False)
    assert not _counted(strict=False, warn=True)  # the preview warns and keeps serving

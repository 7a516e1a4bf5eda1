"""A strict build that has warned fails at its end: the hooks know it, and skip work that only makes output."""

from __future__ import annotations

import logging
from types import SimpleNamespace

from build_errors import log, strict_build_failing, strict_counts_every_warning
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


def test_a_quiet_strict_build_still_counts_warnings_and_prints_only_errors():
    """`mkdocs build --strict --quiet` raises the "mkdocs" logger to ERROR: a page without its
    translation was published. The warning now reaches the strict counter; the console stays quiet."""
    logger = logging.getLogger("mkdocs")
    level, console, counter = logger.level, logging.StreamHandler(), CountHandler()
    counter.setLevel(logging.WARNING)
    logger.setLevel(logging.ERROR)  # what --quiet does (mkdocs.__main__.quiet_option)
    logger.addHandler(console)
    logger.addHandler(counter)
    try:
        strict_counts_every_warning(SimpleNamespace(strict=True))
        log.warning("docs/ko/faq.md:1: no en version")
        assert counter.get_counts() == [("WARNING", 1)]
        assert console.level == logging.ERROR
        logger.setLevel(logging.ERROR)
        strict_counts_every_warning(SimpleNamespace(strict=False))
        assert logger.level == logging.ERROR  # a quiet preview stays as the writer asked
    finally:
        logger.removeHandler(console)
        logger.removeHandler(counter)
        logger.setLevel(level)

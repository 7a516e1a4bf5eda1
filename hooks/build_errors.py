"""How our hooks report a writer's mistake (shared by our hooks; not a hook itself).

Every message has one form, `file:line: what is wrong; how to fix it`, with no logger name in
front. In a strict build (scripts/check, scripts/build, CI) a ContentError stops the build; in the
preview's draft mode (scripts/serve sets HC_DRAFT=1 and serves without --strict) it is a warning,
the page is built without the part that failed, and hooks/draft_preview.py shows it on the page.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator

from helpcenter.errors import ContentError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

# Under "mkdocs" so that strict mode counts its warnings; a plain logger, so no prefix.
log = logging.getLogger("mkdocs.plugins.helpcenter")


def draft(config: MkDocsConfig) -> bool:
    """Whether this build is the forgiving preview (never when strict)."""
    return os.environ.get("HC_DRAFT") == "1" and not config.strict


def strict_build_failing(config: MkDocsConfig) -> bool:
    """Whether this is a strict build that has already logged a warning: it stops at its end whatever
    follows, so work that only makes output (the search indexes) is wasted. MkDocs counts a strict
    build's warnings with a CountHandler on its logger (mkdocs.commands.build)."""
    counters = (handler for handler in logging.getLogger("mkdocs").handlers if isinstance(handler, CountHandler))
    return bool(config.strict) and any(counter.get_counts() for counter in counters)


def strict_counts_every_warning(config: MkDocsConfig) -> None:
    """`mkdocs build --strict --quiet` published a site whose warnings (a page without its
    translation, a page outside the nav) never reached MkDocs' strict counter: --quiet raises the
    "mkdocs" logger to ERROR, so a warning is dropped before any handler sees it. In a strict build
    the logger takes warnings again and only the console keeps to errors: as quiet, and as strict."""
    logger = logging.getLogger("mkdocs")
    if not config.strict or logger.level <= logging.WARNING:
        return
    for handler in logger.handlers:
        if not isinstance(handler, CountHandler) and handler.level < logger.level:
            handler.setLevel(logger.level)
    logger.setLevel(logging.WARNING)


@contextlib.contextmanager
def as_build_error() -> Iterator[None]:
    """Turn a ContentError into the PluginError that makes MkDocs stop and print just the message."""
    try:
        yield
    except ContentError as error:
        raise PluginError(str(error)) from None


def report(error: ContentError, config: MkDocsConfig) -> None:
    """A mistake the page can be built without: a warning in the preview, the end of a strict build."""
    if not draft(config):
        raise PluginError(str(error)) from None
    for line in str(error).splitlines():
        log.warning(line)

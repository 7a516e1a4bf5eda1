"""A writer's mistake stops the build with our message (shared by our hooks; not a hook itself)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from helpcenter.errors import ContentError
from mkdocs.exceptions import PluginError


@contextlib.contextmanager
def as_build_error() -> Iterator[None]:
    """Turn a ContentError into the PluginError that makes MkDocs stop and print just the message."""
    try:
        yield
    except ContentError as error:
        raise PluginError(str(error)) from None

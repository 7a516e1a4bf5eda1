"""The one error type a writer sees from our code."""

from __future__ import annotations

from collections.abc import Iterable


class ContentError(ValueError):
    """A mistake in content or data that a writer can fix; the message says where and how."""


def raise_problems(problems: Iterable[object]) -> None:
    """Every problem found, one per line (`file:line: what is wrong; how to fix it`), as one
    ContentError, so the writer sees them all at once; nothing when there is none."""
    lines = [str(problem) for problem in problems]
    if lines:
        raise ContentError("\n".join(lines))

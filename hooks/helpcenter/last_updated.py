""""Last updated" dates of pages from one pass over the git history, in the reader's language.

One `git log` for the whole docs/ tree instead of one per page: the per-page approach (the
mkdocs-git-revision-date-localized plugin we used before) cost a fifth of a 600-page build.
"""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from babel.dates import format_date

# Dates are Korean dates, for writers and readers alike: Korea has one time zone and no summer time.
KOREA = timezone(timedelta(hours=9))
_COMMIT = "\x1e"  # starts each commit's record in the log below, before its time


def git_log(root: Path, folder: str = "docs") -> str:
    """The history of `folder` as `parse` reads it; "" when `root` is no git checkout or git is missing."""
    try:
        result = subprocess.run(["git", "log", f"--format={_COMMIT}%ct", "--name-only", "--no-renames", "--relative", "--", folder],
                                cwd=root, capture_output=True, text=True)
    except OSError:
        return ""
    return result.stdout if result.returncode == 0 else ""


def parse(log: str) -> dict[str, int]:
    """Path → time (Unix seconds) of the newest commit that changed it. The log is newest first."""
    changed: dict[str, int] = {}
    for record in log.split(_COMMIT)[1:]:
        stamp, *paths = record.split("\n")
        for path in filter(None, paths):
            changed.setdefault(path, int(stamp))
    return changed


def day(timestamp: int | None, today: date) -> date:
    """The page's date: its last commit's, or today for a page not committed yet."""
    return datetime.fromtimestamp(timestamp, KOREA).date() if timestamp is not None else today


@lru_cache(maxsize=4096)  # pages share few dates, and babel takes 0.2 ms a date
def localized(day_: date, lang: str) -> str:
    """'2026년 11월 24일', 'November 24, 2026': the long date form of the reader's language."""
    return format_date(day_, format="long", locale=lang)


def today() -> date:
    return datetime.now(KOREA).date()

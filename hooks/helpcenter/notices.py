"""The notice bar: which notice of data/notices.yml is active on a given day."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from .datafile import language_fields, load_schema, load_validated
from .errors import ContentError, raise_problems
from .yamlfile import line_of


def load_notices(path: Path, schema_path: Path, label: str, languages: list[str]) -> list[dict]:
    """The notices, each with its text in every site language, its index in the file and the line
    of each of its fields (`lines`, for messages); a mistake raises ContentError."""
    schema = language_fields(load_schema(schema_path), [["properties", "notices", "items"]], languages, "text")
    raw, tree = load_validated(path, schema, label)
    notices = [{**notice, "index": index, "lines": {key: line_of(tree, ["notices", index, key]) or 1 for key in notice}}
               for index, notice in enumerate(raw["notices"])]
    raise_problems(f"{label}:{n['lines']['end']}: notices[{n['index']}] ({n['id']}): end {n['end']} is before start {n['start']}; "
                   "fix one of the dates" for n in notices if n["end"] < n["start"])
    return notices


def missing_page(notice: dict, label: str, language: str, exists: Callable[[str], bool]) -> list[str]:
    """The message for a notice whose `page` has no file in `language`, if it has one."""
    if not notice.get("page") or exists(notice["page"]):
        return []
    return [f"{label}:{notice['lines']['page']}: notices[{notice['index']}] ({notice['id']}): page '{notice['page']}' "
            f"does not exist in docs/{language}/; fix the path (relative to the language folder, such as "
            "account/sign-in.md) or remove `page`"]


def link(site_url: str | None, page_url: str) -> str:
    """The address of the notice's page, written the same on every page (from the site's root): the
    theme remembers a dismissed notice by the notice's HTML, so a link relative to each page
    (`account/sign-in/` on /en/, `../account/sign-in/` on /en/faq/) brought it back one folder down."""
    return urlsplit(site_url or "/").path.rstrip("/") + "/" + page_url


def active(notices: list[dict], today: date) -> dict | None:
    """The notice to show today: the latest-starting one whose dates include today."""
    running = [n for n in notices if date.fromisoformat(n["start"]) <= today <= date.fromisoformat(n["end"])]
    return max(running, key=lambda n: n["start"], default=None)


def build_date() -> date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so reproducible builds agree."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return date.today()
    try:
        return datetime.fromtimestamp(int(epoch), UTC).date()
    except (ValueError, OverflowError, OSError):
        raise ContentError(f"SOURCE_DATE_EPOCH={epoch[:40]!r} is not a time in seconds since 1970 (such as 1767225600); fix or unset it") from None

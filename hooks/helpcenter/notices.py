"""The notice bar: which notice of data/notices.yml is active on a given day."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

from .datafile import language_fields, load_schema, load_validated
from .errors import ContentError


def load_notices(path: Path, schema_path: Path, label: str, languages: list[str]) -> list[dict]:
    """The notices, each with its text in every site language; a mistake raises ContentError."""
    schema = language_fields(load_schema(schema_path), [["properties", "notices", "items"]], languages, "text")
    raw, _ = load_validated(path, schema, label)
    for index, notice in enumerate(raw["notices"]):
        if notice["end"] < notice["start"]:
            raise ContentError(f"{label}: notices[{index}] ({notice['id']}): end {notice['end']} is before start {notice['start']}")
    return raw["notices"]


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

"""A JSON file in .cache/ that keeps work between builds, valid only for the version that wrote it.

Used for Korean analyses (korean_text) and content-check results (content_checks); both only save
time: deleting .cache/ changes no output.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any


def load(path: Path | None, version: str, entry_ok: Callable[[Any], bool] = lambda entry: True) -> dict[str, Any]:
    """The entries stored at `path` by this `version` that `entry_ok` accepts; {} when there are none,
    or another version's."""
    if not path or not path.is_file():
        return {}
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # a half-written or hand-edited cache is only a cache: start over
        return {}
    if not isinstance(stored, dict) or stored.get("version") != version or not isinstance(stored.get("entries"), dict):
        return {}  # another version's, or valid JSON of another shape: start over
    return {key: entry for key, entry in stored["entries"].items() if entry_ok(entry)}


def save(path: Path, version: str, entries: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"version": version, "entries": entries}, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)  # never a half-written cache, even if the build is stopped mid-write
    except OSError:
        pass  # a read-only checkout or cache only loses the time the cache saves


def fingerprint(parts: Iterable[str | bytes]) -> str:
    """A short digest of everything a cached result depends on."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\0")
    return digest.hexdigest()[:16]

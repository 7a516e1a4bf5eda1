"""The preview's one-page rebuilds: which saves may rebuild only the pages they touch (`plan`), and
the cross-build cache that carries what the other pages left from one preview build to the next
(`PreviewCache`, named by the build state as `BuildState.preview_cache`).

A save that changes only the text of existing pages (below their front matter, no other file)
rebuilds those pages and their translations; every other page keeps what the previous build made
(scripts/quickrebuild.py). When the rebuilt pages turn out to affect others after all (a changed
title or anchors, different problems elsewhere), the build is in Doubt and the same save builds
every page (scripts/draftserve.py).

Only the preview's process has a cache: scripts/draftserve.py makes one and hands it to
buildstate.carry(). Every other build (scripts/check, scripts/build, CI, the tests' builds) has
`preview_cache` None, and every hook behaves exactly as in a clean build.

Reset rules:
- a build of every page (the first, after any change `plan` does not allow, after a Doubt) starts
  from an empty `LastBuild` and fills all of it;
- a one-page build keeps the last build's entries of the pages it did not rebuild and replaces the
  entries of those it did;
- a build that fails for any reason, a Doubt included, empties `last` (forget): nothing of it is
  reused, and the next build builds every page;
- compiled templates, the theme's file list and the watched files' digests outlive `forget`: they
  depend only on installed files, overrides/ and each file's content (Jinja compares each
  template's source with the one it compiled; the file list is reused only when no watched file
  was added or removed; a digest only while the file's status is the one it was read with);
- deferred work (search indexing) that a newer save stops raises Cancelled and records nothing:
  the next build's job indexes what it had not finished;
- the files of docs/ and of each language (MkDocs' and mkdocs-static-i18n's) are made by every
  build of every page and reused by one-page builds only when made from the same names and
  settings; `forget` drops them.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

_FRONT = "---"
K = TypeVar("K")
V = TypeVar("V")


class Doubt(Exception):
    """The one-page rebuild might differ from a clean build: build every page instead."""


class Cancelled(Exception):
    """A newer save arrived while deferred work (search indexing) ran: the work is stale, stopped
    unfinished, and the next build defers it again from its own pages."""


def stop_if_asked(stop: threading.Event | None) -> None:
    """Raise Cancelled when `stop` (the preview's, set by a newer save) is set."""
    if stop is not None and stop.is_set():
        raise Cancelled("a newer save arrived")


@dataclass
class LastBuild:
    """What the last good preview build left, for the pages the next one does not rebuild."""

    snapshot: dict[str, tuple[str, str]] | None = None  # the watched files it was built from
    pages: dict[str, Any] = field(default_factory=dict)  # page (src_uri) → what its build left (quickrebuild.PageState)
    problems: list[Any] = field(default_factory=list)  # every problem the build reported (draft_preview)
    checked: set[str] = field(default_factory=set)  # content checks' results in use (content_checks)
    search_pages: dict[str, Any] = field(default_factory=dict)  # URL → searchable text, in a full build's order (language_search)
    indexed: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # language → the records its index holds
    search_records: dict[str, tuple] = field(default_factory=dict)  # URL → its page's search text and records (search_records)
    gate_pages: set[str] = field(default_factory=set)  # pages written through the page events (security_headers)
    gate_seen: set[str] = field(default_factory=set)  # the output gate's verdicts in use
    site_files: Any = None  # the files the output gate reads besides the pages (security_headers)
    data: dict[str, Any] = field(default_factory=dict)  # data/NAME.yml → its loaded, valid value (BuildState.data)


@dataclass(eq=False)
class PreviewCache:
    rebuilding: frozenset[str] | None = None  # the pages this build rebuilds; None: every page
    last: LastBuild = field(default_factory=LastBuild)
    templates: Any = None  # compiled theme templates (a jinja2 bytecode cache, quickrebuild)
    theme_files: dict[tuple, list[tuple[str, str | None]]] = field(default_factory=dict)
    # Each language's files as mkdocs-static-i18n made them: language → (what they were made from,
    # the files, their collection's class, their lookups by path); reused by one-page rebuilds
    # (quickrebuild).
    language_files: dict[str, tuple[tuple, list, type, dict]] = field(default_factory=dict)
    docs_files: tuple[tuple, list, list] | None = None  # MkDocs' list of docs/ (what from, the files, its messages)
    # Each watched file's digest with its status when read (snapshot): outlives `forget`, as the
    # digest of a file depends on its content alone.
    digests: dict[str, tuple] = field(default_factory=dict)
    # Work that may finish after the page is served (search indexing), run by scripts/draftserve.py
    # in the background. Each job is given an event set when a newer save arrives: it then raises
    # Cancelled at its next step, leaving what it had not finished (its `last` entries included)
    # for the next build's own job.
    deferred: list[Callable[[threading.Event], None]] = field(default_factory=list)

    def forget(self) -> None:
        self.last, self.rebuilding, self.deferred, self.language_files, self.docs_files = LastBuild(), None, [], {}, None

    def kept(self, before: dict[K, V], now: dict[K, V]) -> dict[K, V]:
        """This build's entries, and in a one-page build the last build's for everything it did not
        rebuild, in the last build's order (a full build's)."""
        if self.rebuilding is None:
            return dict(now)
        return {**{key: now.get(key, value) for key, value in before.items()}, **now}

    def kept_set(self, before: set[K], now: set[K]) -> set[K]:
        return set(now) if self.rebuilding is None else before | now

    def check_problems(self, problems: list[Any], src: Callable[[Any], str | None]) -> None:
        """The pages a one-page build kept show the problems they showed before: so every other
        page's, and the whole site's (`src` None), must be the same as then."""
        if self.rebuilding is not None:
            before = [p for p in self.last.problems if src(p) not in self.rebuilding]
            if [p for p in problems if src(p) not in self.rebuilding] != before:
                raise Doubt("the problems of other pages changed")
        self.last.problems = list(problems)


def front_matter(text: str) -> str:
    """The front matter block at the top of a page's text ("" when there is none)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != _FRONT:
        return ""
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in (_FRONT, "..."):
            return "".join(lines[: number + 1])
    return text  # never closed: the whole text is its front matter, so any change counts


def snapshot(root: Path, watched: Iterable[str], known: dict[str, tuple] | None = None) -> dict[str, tuple[str, str]]:
    """Every watched file (path under `root` → digest, front matter of a page), folder ("path/") and
    symbolic link ("path (link)" → where it points), and today's date: dates change what a build
    writes ("last updated" of new pages, notices, stale facts). Folders and links are there because
    the project-files check reads names and links, not contents.

    `known` (the preview's, kept between its builds): digests by path and file status, so a file
    unchanged since it was last read is not read again (reading and hashing every page was most of
    a one-page rebuild's own work at 1,000 articles per language)."""
    found = {"(today)": (date.today().isoformat(), "")}
    top = os.path.realpath(root)
    for name in watched:
        for path, kind in _entries(os.path.realpath(os.path.join(top, name))):
            key = os.path.relpath(path, top).replace(os.sep, "/") if path.startswith(top + os.sep) else path
            if kind == "folder":
                found[key + "/"] = ("(folder)", "")
            elif kind == "link":
                found[key + " (link)"] = (os.readlink(path), "")
            else:
                found[key] = _digest(path) if known is None else _known_digest(path, known)
    return found


# A file's status may not show a change made in the same clock tick as the one it was read after
# (file times are coarse): a digest is reused only when the file had not changed for this long
# before it was read, as git does with its index.
_SETTLED_NS = 2_000_000_000


def _known_digest(path: str, known: dict[str, tuple]) -> tuple[str, str]:
    try:
        status = os.stat(path)
    except OSError:
        return _digest(path)
    key = (status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino, status.st_dev)
    entry = known.get(path)
    if entry is not None and entry[0] == key and max(key[0], key[1]) < entry[1] - _SETTLED_NS:
        return entry[2]
    read_at = time.time_ns()
    digest = _digest(path)
    known[path] = (key, read_at, digest)
    return digest


def _digest(path: str) -> tuple[str, str]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        data = b"\0unreadable"
    front = front_matter(data.decode("utf-8", "replace")) if path.endswith(".md") else ""
    return hashlib.sha256(data).hexdigest(), front


def _entries(path: str) -> Iterable[tuple[str, str]]:
    """The file, or every file ("file"), folder ("folder") and link ("link"; a link to a file is a
    file too) under the folder, not following links to folders (os.scandir's entries know their
    kind: pathlib, or a stat per file, was a tenth of a one-page rebuild at 2,000 pages)."""
    if os.path.isfile(path):
        yield path, "file"
        return
    folders = [path]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                found = list(entries)
        except OSError:
            continue
        for entry in found:
            if entry.is_symlink():
                yield entry.path, "link"
                if os.path.isfile(entry.path):
                    yield entry.path, "file"
            elif entry.is_dir():
                if entry.name != "__pycache__":
                    yield entry.path, "folder"
                    folders.append(entry.path)
            else:
                yield entry.path, "file"


def plan(before: dict[str, tuple[str, str]] | None, after: dict[str, tuple[str, str]], docs: str = "docs") -> frozenset[str] | None:
    """The pages (paths under docs/, "ko/x.md") a rebuild must build, or None: build every page.

    Only edits of existing pages' text below their front matter rebuild alone, each with its
    translations (a Korean page's revision decides whether its translation shows as outdated)."""
    if before is None or before.keys() != after.keys():
        return None  # the first build, a new, deleted or renamed file, or another day
    pages: set[str] = set()
    for path, (digest, front) in after.items():
        if before[path][0] == digest:
            continue
        page = _page(path, docs)
        if page is None or before[path][1] != front:
            return None
        translations = page.partition("/")[2]
        pages |= {other for other in (_page(p, docs) for p in after) if other and other.partition("/")[2] == translations}
    return frozenset(pages)


def _page(path: str, docs: str) -> str | None:
    """A snapshot path's page under docs/ ("ko/x.md"), None for any other file."""
    return path[len(docs) + 1:] if path.startswith(f"{docs}/") and path.endswith(".md") else None

"""Pagefind's output for one language kept between builds, found by exactly what made it.

Pagefind's binary is most of the search index's build time (21 CPU seconds for two languages, a
fifth of a warm build's CPU at 1,000 articles per language), and a writer's rebuild usually leaves one language's records, or both,
unchanged. The key of an entry is a digest of every input the binary reads: its version, its
command-line options and each document's file name and bytes, so an entry can only be reused for
input Pagefind would index identically; any changed record, in any way, is a new key and the
language is indexed again. One entry per language is kept (the last one written), under
.cache/pagefind/<language>/, like the other caches there: deleting it changes no output, only the time.

An entry is the index's files as Pagefind wrote them, hard links to the same data (a site of 1,000
articles per language has 4,400 small files per index: writing their bytes again took a warm
build 2-6 seconds on an ext4 disk that had just taken the pages, linking them takes 0.1-0.5 s),
copied instead where the cache and the site are on different file systems. A manifest notes
each file's size and modification time; a file that no longer has both (cut short, edited in the
cache or, being the same file, in a site) drops the entry and the language is indexed again. An
entry is written into a temporary folder and renamed into place when complete.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from .incremental import stop_if_asked

# Part of every key: bump when what is stored, or how it is restored, changes.
FORMAT = 3
_FILES = "files"
_MANIFEST = "manifest.json"


def key(version: str, options: Iterable[str], documents: Iterable[tuple[str, str]]) -> str:
    """The digest of everything Pagefind's output depends on: `version` of the binary, its
    `options` (without the input and output folders, which change from build to build) and the
    `documents` as (file name, text)."""
    digest = hashlib.sha256(f"hc-pagefind-cache {FORMAT}\0{version}\0".encode())
    for option in options:
        digest.update(option.encode("utf-8") + b"\0")
    for name, text in documents:
        encoded = text.encode("utf-8")
        digest.update(f"\x01{name}\0{len(encoded)}\0".encode() + encoded)
    return digest.hexdigest()


class EngineCache:
    """Entries under `folder`, one per language: `restore` copies a stored output into a site,
    `store` keeps an output that Pagefind has just written successfully. With `folder` None
    nothing is kept and nothing is restored."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def restore(self, lang: str, digest: str, output: Path, stop: threading.Event | None = None) -> bool:
        """Replaces `output` with the stored index of `lang` made under `digest`; False (and
        `output` untouched) when there is none, or it is not exactly as stored. The files are
        linked beside `output` and moved in place when complete; `stop` (the preview's, set by a
        newer save) raises Cancelled between files, `output` untouched."""
        entry = self._entry(lang, digest)
        if entry is None or not entry.is_dir():
            return False
        names = _stored(entry)
        if names is None:
            shutil.rmtree(entry, ignore_errors=True)
            return False
        output.parent.mkdir(parents=True, exist_ok=True)
        staged = tempfile.mkdtemp(prefix=".hc-pagefind-", dir=output.parent)
        try:
            root = os.path.join(staged, "index")
            _place(os.path.join(entry, _FILES), root, names, stop)
            shutil.rmtree(output, ignore_errors=True)
            os.replace(root, output)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
        return True

    def store(self, lang: str, digest: str, output: Path) -> None:
        """Keeps `output`, the index of `lang` made under `digest`, in place of the language's
        previous entry. A cache that cannot be written only loses time."""
        entry = self._entry(lang, digest)
        if entry is None:
            return
        temporary = None
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            temporary = Path(tempfile.mkdtemp(prefix=".new-", dir=entry.parent))
            names = sorted(path.relative_to(output).as_posix() for path in output.rglob("*") if path.is_file())
            _place(str(output), str(temporary / _FILES), names)
            files = [[name, *_stamp(temporary / _FILES / name)] for name in names]
            (temporary / _MANIFEST).write_text(json.dumps({"files": files}), encoding="utf-8")
            for old in entry.parent.iterdir():
                if not old.name.startswith("."):
                    shutil.rmtree(old, ignore_errors=True)
            temporary.rename(entry)
        except OSError:
            pass
        finally:
            if temporary is not None and temporary.exists():
                shutil.rmtree(temporary, ignore_errors=True)

    def _entry(self, lang: str, digest: str) -> Path | None:
        return None if self.folder is None else self.folder / lang / digest


def _stored(entry: Path) -> list[str] | None:
    """The relative names of `entry`'s files; None unless each is still the size and age it was
    stored with, and inside the entry."""
    try:
        files = json.loads((entry / _MANIFEST).read_text(encoding="utf-8"))["files"]
        names = [name for name, _, _ in files]
        if any(not isinstance(name, str) or name.startswith("/") or ".." in name.split("/") for name in names):
            return None
        if any(_stamp(entry / _FILES / name) != (size, modified) for name, size, modified in files):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # damaged, or not a manifest at all
        return None
    return names


def _place(source: str, target: str, names: list[str], stop: threading.Event | None = None) -> None:
    """Each of `names` under `source` at the same name under `target`: a hard link, or a copy where
    one cannot be made (another file system)."""
    for folder in sorted({os.path.dirname(os.path.join(target, name)) for name in names}):
        os.makedirs(folder, exist_ok=True)
    for number, name in enumerate(names):
        if number % 100 == 0:
            stop_if_asked(stop)
        try:
            os.link(os.path.join(source, name), os.path.join(target, name))
        except OSError:
            shutil.copyfile(os.path.join(source, name), os.path.join(target, name))


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns

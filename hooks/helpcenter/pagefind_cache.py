"""Pagefind's output for one language kept between builds, found by exactly what made it.

Pagefind's binary is most of the search index's build time (21 CPU seconds for two languages, a
fifth of a warm build's CPU at 1,000 articles per language), and a writer's rebuild usually leaves one language's records, or both,
unchanged. The key of an entry is a digest of every input the binary reads: its version, its
command-line options and each document's file name and bytes, so an entry can only be reused for
input Pagefind would index identically; any changed record, in any way, is a new key and the
language is indexed again. One entry per language is kept (the last one written), under
.cache/pagefind/<language>/, like the other caches there: deleting it changes no output, only the time.

An entry is the index's files one after another in one file (a site of 1,000 articles per language
has 4,000 small files per index, and opening files was most of the time of a copy) with a manifest
of their names and sizes. It is written into a temporary folder and renamed into place when
complete, and checked against the digest noted when it was stored before it is written into a
site: a half-written, damaged or hand-edited entry is dropped and the language indexed again.
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
FORMAT = 2
_BLOB = "index.bin"  # the files one after another: one file to read, not thousands
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
        written beside `output` and moved in place when complete; `stop` (the preview's, set by a
        newer save) raises Cancelled between files, `output` untouched (4,000 files at 1,000
        articles took half a minute on a busy machine)."""
        entry = self._entry(lang, digest)
        if entry is None or not entry.is_dir():
            return False
        contents = _contents(entry)
        if contents is None:
            shutil.rmtree(entry, ignore_errors=True)
            return False
        output.parent.mkdir(parents=True, exist_ok=True)
        staged = tempfile.mkdtemp(prefix=".hc-pagefind-", dir=output.parent)
        try:
            root = os.path.join(staged, "index")
            for folder in sorted({os.path.dirname(os.path.join(root, name)) for name, _ in contents}):
                os.makedirs(folder, exist_ok=True)
            for number, (name, data) in enumerate(contents):
                if number % 100 == 0:
                    stop_if_asked(stop)
                with open(os.path.join(root, name), "wb") as file:
                    file.write(data)
            shutil.rmtree(output, ignore_errors=True)
            os.replace(root, output)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
        return True

    def store(self, lang: str, digest: str, output: Path) -> None:
        """Keeps a copy of `output`, the index of `lang` made under `digest`, in place of the
        language's previous entry. A cache that cannot be written only loses time."""
        entry = self._entry(lang, digest)
        if entry is None:
            return
        temporary = None
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            temporary = Path(tempfile.mkdtemp(prefix=".new-", dir=entry.parent))
            names = sorted(path.relative_to(output).as_posix() for path in output.rglob("*") if path.is_file())
            data = [(output / name).read_bytes() for name in names]
            files = [[name, len(content)] for name, content in zip(names, data)]
            blob = b"".join(data)
            (temporary / _BLOB).write_bytes(blob)
            (temporary / _MANIFEST).write_text(json.dumps({"files": files, "digest": _digest(files, blob)}), encoding="utf-8")
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


def _contents(entry: Path) -> list[tuple[str, memoryview]] | None:
    """Every file of `entry` as (relative name, bytes), read from its one stored file and checked
    against the digest noted when it was stored; None unless they are exactly what was stored."""
    try:
        manifest = json.loads((entry / _MANIFEST).read_text(encoding="utf-8"))
        files, blob = manifest["files"], (entry / _BLOB).read_bytes()
        if _digest(files, blob) != manifest["digest"] or sum(length for _, length in files) != len(blob) or any(
                name.startswith("/") or ".." in name.split("/") for name, _ in files):
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # damaged, or not a manifest at all
        return None
    contents, offset, view = [], 0, memoryview(blob)
    for name, length in files:
        contents.append((name, view[offset:offset + length]))
        offset += length
    return contents


def _digest(files: list, blob: bytes) -> str:
    return hashlib.sha256(json.dumps(files).encode("utf-8") + b"\0" + blob).hexdigest()

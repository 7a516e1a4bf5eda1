"""Pagefind's output for one language kept between builds, found by exactly what made it.

Pagefind's binary is most of the search index's build time (about 20 % of a warm build at 1,000
articles per language), and a writer's rebuild usually leaves one language's records, or both,
unchanged. The key of an entry is a digest of every input the binary reads: its version, its
command-line options and each document's file name and bytes, so an entry can only be reused for
input Pagefind would index identically; any changed record, in any way, is a new key and the
language is indexed again. One entry per language is kept (the last one written), under
.cache/pagefind/<language>/, like the other caches there: deleting it changes no output, only the time.

An entry is written into a temporary folder and renamed into place when complete, and every file
it holds is checked against the digest noted when it was stored before it is copied into a site:
a half-written, damaged or hand-edited entry is dropped and the language indexed again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

# Part of every key: bump when what is stored, or how it is restored, changes.
FORMAT = 1
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
        digest.update(f"\x01{name}\0{len(encoded)}\0".encode("utf-8") + encoded)
    return digest.hexdigest()


class EngineCache:
    """Entries under `folder`, one per language: `restore` copies a stored output into a site,
    `store` keeps an output that Pagefind has just written successfully. With `folder` None
    nothing is kept and nothing is restored."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def restore(self, lang: str, digest: str, output: Path) -> bool:
        """Replaces `output` with the stored index of `lang` made under `digest`; False (and
        `output` untouched) when there is none, or it is not exactly as stored."""
        entry = self._entry(lang, digest)
        if entry is None or not entry.is_dir():
            return False
        contents = _contents(entry)
        if contents is None:
            shutil.rmtree(entry, ignore_errors=True)
            return False
        shutil.rmtree(output, ignore_errors=True)
        for folder in sorted({(output / name).parent for name in contents}):
            folder.mkdir(parents=True, exist_ok=True)
        for name, data in contents.items():
            (output / name).write_bytes(data)
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
            shutil.copytree(output, temporary / _FILES)
            manifest = {path.relative_to(temporary / _FILES).as_posix(): _digest(path)
                        for path in (temporary / _FILES).rglob("*") if path.is_file()}
            (temporary / _MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
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


def _contents(entry: Path) -> dict[str, bytes] | None:
    """Every file of `entry` by its relative name, each read once and checked against the manifest;
    None unless they are exactly the files stored."""
    try:
        manifest = json.loads((entry / _MANIFEST).read_text(encoding="utf-8"))
        files = entry / _FILES
        found = {path.relative_to(files).as_posix() for path in files.rglob("*") if not path.is_dir() or path.is_symlink()}
        if not isinstance(manifest, dict) or found != set(manifest):
            return None
        contents = {name: (files / name).read_bytes() for name in manifest if not (files / name).is_symlink()}
    except (OSError, ValueError):
        return None
    if len(contents) != len(manifest) or any(hashlib.sha256(data).hexdigest() != manifest[name] for name, data in contents.items()):
        return None
    return contents


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()

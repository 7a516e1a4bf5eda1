"""What a published folder may hold: the built site, never a file of the repository from outside docs/
and never a file named like a credential. scripts/publish.py refuses a build that breaks this, so
neither the pull request's artifact nor the deploy can carry one (CI uploads what publish.py made).

A copy is recognised by its bytes, whatever it is called in the site, so a renamed or linked copy of
mkdocs.yml, a hook or .git/config (where a CI checkout may keep a token) is caught too.
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

CREDENTIAL_NAMES = (".git*", "*.env", "*token*", "*secret*")
# Not the repository's own files: what is built, installed or cached in its folder.
NOT_SOURCES = {"docs", "site", ".site-builds", ".venv", ".venv-zensical", "node_modules", ".cache", "reports",
               "__pycache__", ".pytest_cache"}
GIT_OBJECTS = os.path.join(".git", "objects")  # compressed history: never copied byte for byte by a build


def forbidden_files(site: Path, root: Path, builds: Path | None = None) -> list[str]:
    """One message per file in `site` that must not be published, naming the file and what to do.

    `builds`: where the builds are kept, when inside `root` (they are outputs, not sources).
    """
    problems = [f"{name}: named like a credential ({pattern}); rename or remove {_written_as(name, root)}"
                for name, pattern in _credential_named(site)]
    by_size: dict[int, list[Path]] = {}
    for file in _files(site):
        if size := file.stat().st_size:  # empty files are all alike
            by_size.setdefault(size, []).append(file)
    sources = _sources(root, set(by_size), {site.resolve(), *([builds.resolve()] if builds else [])})
    for file in sorted(file for size in {size for size, _ in sources} for file in by_size[size]):
        twin = sources.get((file.stat().st_size, _digest(file)))
        if twin:
            problems.append(f"{file.relative_to(site).as_posix()}: a copy of {twin}, a repository file outside "
                            "docs/; only what docs/ holds and the build makes is published")
    return problems


def _credential_named(site: Path) -> Iterator[tuple[str, str]]:
    for file in _files(site):
        name = file.relative_to(site).as_posix()
        # A page about tokens (reset-token/index.html) is fine: folders are checked for .git* only.
        candidates = [(part, (CREDENTIAL_NAMES[0],)) for part in name.split("/")[:-1]] + [(file.name, CREDENTIAL_NAMES)]
        for part, patterns in candidates:
            pattern = next((p for p in patterns if fnmatch.fnmatch(part.lower(), p)), None)
            if pattern:
                yield name, pattern
                break


def _written_as(name: str, root: Path) -> str:
    """The file in docs/ that a static file of the site was copied from, as far as it can be told."""
    # Korean is the default language, built at the site's root from docs/ko/.
    found = [f"docs/{path}" for path in (name, f"ko/{name}") if (root / "docs" / path).is_file()]
    return found[0] if found else "the file in docs/ that makes it"


def _sources(root: Path, sizes: set[int], outputs: set[Path]) -> dict[tuple[int, str], str]:
    """(size, digest) -> path of the repository's files outside docs/, the git directory included, whose
    size is one of `sizes`: only those can be copies of a site file."""
    found = {}
    for directory, folders, files in os.walk(root):
        relative = os.path.relpath(directory, root)
        folders[:] = [f for f in folders if f != "__pycache__" and os.path.join(relative, f) != GIT_OBJECTS
                      and not (relative == "." and f in NOT_SOURCES) and Path(directory, f).resolve() not in outputs]
        for name in files:
            path = Path(directory, name)
            if not path.is_symlink() and path.is_file() and (size := path.stat().st_size) in sizes:
                found[size, _digest(path)] = path.relative_to(root).as_posix()
    return found


def _files(site: Path) -> Iterator[Path]:
    return (path for path in sorted(site.rglob("*")) if path.is_file())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()

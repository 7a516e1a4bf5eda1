"""project-files: only the project's own files, of known static types, are published.

A symbolic link under docs/, snippets/, data/ or overrides/ can pull in any file the build machine
can read (the checkout's .git/config holds the CI token), and a link loop stops the build with a
traceback; so every link is refused, wherever it points. Files under docs/ that are not pages must
be of a type a help center serves as is: an HTML or XML file would be published unchecked.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from .source import Problem

NAME = "project-files"
DESCRIPTION = "only the project's own files, of known static types, with plain names, are published"
SEVERITY = "error"  # checked before MkDocs reads any file: every build stops, the preview too
MESSAGES = {
    "link": "is a symbolic link (to {target}); copy the file itself into the project: links are never published",
    "name": "a file or folder name may hold only letters, digits, - _ and . (it becomes part of addresses and links); rename it",
    "type": "'{suffix}' files are not published; docs/ holds pages (.md) and {types} files",
    "decomposed": "the name is stored with decomposed Korean letters (as macOS saves names); type the name again so "
                  "links to it match",
    "case": "differs from '{other}' only in upper and lower case: on macOS and Windows the two are one file, "
            "and a checkout there loses one; rename one of them",
}
FOLDERS = ("docs", "snippets", "data", "overrides")
_PLAIN_NAME = re.compile(r"[\w][\w.-]*\Z")
STATIC_TYPES = frozenset({".md", ".css", ".js", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico", ".woff2"})


def check(root: Path, folders: tuple[str, ...] = FOLDERS) -> list[Problem]:
    problems = []
    for folder in folders:
        seen: dict[tuple[Path, str], str] = {}  # (folder, name case-folded) → the name first seen
        for path in _entries(root / folder):
            label = path.relative_to(root).as_posix()
            folded = (path.parent, unicodedata.normalize("NFC", path.name).casefold())
            if path.is_symlink():
                problems.append(Problem(label, 1, NAME, MESSAGES["link"].format(target=os.readlink(path))))
            elif not _PLAIN_NAME.match(path.name):
                problems.append(Problem(label, 1, NAME, MESSAGES["name"]))
            elif unicodedata.normalize("NFC", path.name) != path.name:
                problems.append(Problem(label, 1, NAME, MESSAGES["decomposed"]))
            elif folded in seen:
                problems.append(Problem(label, 1, NAME, MESSAGES["case"].format(other=seen[folded])))
            elif folder == "docs" and path.is_file() and path.suffix.lower() not in STATIC_TYPES:
                problems.append(Problem(label, 1, NAME, MESSAGES["type"].format(
                    suffix=path.suffix or path.name, types=", ".join(sorted(STATIC_TYPES - {".md"})))))
            seen.setdefault(folded, path.name)
    return problems


def _entries(folder: Path):
    """Every file, folder and link under `folder`, without following links (a loop is only a link)."""
    if folder.is_symlink():
        yield folder
        return
    for parent, folders, files in os.walk(folder, followlinks=False, onerror=lambda error: None):
        for name in sorted(folders + files):
            yield Path(parent, name)

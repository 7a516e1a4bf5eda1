"""Which pages lack a translation, and which translations follow an older revision of their source.

A translation records, in its front matter, the revision of the Korean page it follows
(`source_revision`: the first 12 hex digits of the SHA-256 of the Korean file). A content hash,
unlike a git commit, means the same on a shallow clone, a tarball and a writer's laptop.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from .checks.source import Problem

NAME = "translation"
DESCRIPTION = "every page exists in every language"
SEVERITY = "warning"  # fails strict builds (scripts/check, CI); the preview shows it and keeps serving
MESSAGES = {"missing": "no {other} version (docs/{other}/{path}); {fix}",
            "outdated": "{path} follows an older revision of its Korean page: update it, then run scripts/mark-translated {path}"}
# What scripts/new-page records in a new page's translations: written alongside the source, from
# scratch, so never "behind" it; scripts/mark-translated replaces it once both are written.
NEW = "new"


def revision(source_text: str) -> str:
    return hashlib.sha256(source_text.encode("utf-8")).hexdigest()[:12]


def missing(pages: Mapping[str, Iterable[str]], default: str) -> list[Problem]:
    """A problem for every page that some language has and another lacks. `pages`: lang → paths."""
    sets = {lang: set(paths) for lang, paths in pages.items()}
    problems = []
    for lang, paths in sets.items():
        for other, other_paths in sets.items():
            for path in sorted(paths - other_paths):
                fix = "scripts/new-page creates both" if lang == default else f"translate it or delete docs/{lang}/{path}"
                problems.append(Problem(f"docs/{lang}/{path}", 1, NAME, MESSAGES["missing"].format(other=other, path=path, fix=fix)))
    return problems


def is_stale(recorded: str | None, current: str) -> bool:
    """Whether a translation that records `recorded` is behind its source, now at revision `current`."""
    return recorded is not None and str(recorded) not in (current, NEW)

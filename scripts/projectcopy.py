"""A copy of the project's sources in a temporary place, to build variants or break on purpose.

Used by tests (to change a copy), scripts/bench-hooks and scripts/searcheval.py (to build the same
content with plain Material: no hooks of ours).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("docs", "overrides", "hooks", "data", "snippets", "mkdocs.yml")


def copy_project(target: Path, hooks: bool = True, source: Path = ROOT) -> Path:
    """Copy the sources of `source` to `target`; with hooks=False, mkdocs.yml loses its `hooks:` list.

    The Korean analysis cache (.cache/) comes along when there is one: it only saves time.
    """
    for name in (*SOURCES, ".cache"):
        source_path = source / name
        if name == ".cache" and not source_path.exists():
            continue
        if source_path.is_dir():
            shutil.copytree(source_path, target / name, ignore=shutil.ignore_patterns("__pycache__"), symlinks=True)
        else:
            shutil.copy2(source_path, target / name)
    if not hooks:
        config = target / "mkdocs.yml"
        config.write_text(re.sub(r"\nhooks:\n(?:  (?:- .*|#.*)\n)+", "\n", config.read_text(encoding="utf-8")), encoding="utf-8")
    return target

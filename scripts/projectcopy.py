"""A copy of the project's sources in a temporary place, to build variants or break on purpose.

Used by tests (to change a copy), scripts/bench-hooks and scripts/searcheval.py (to build the same
content with plain Material: no hooks of ours).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("docs", "overrides", "hooks", "data", "mkdocs.yml")


def copy_project(target: Path, hooks: bool = True) -> Path:
    """Copy the sources to `target`; with hooks=False, mkdocs.yml loses its `hooks:` list."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    if not hooks:
        config = target / "mkdocs.yml"
        config.write_text(re.sub(r"\nhooks:\n(?:  (?:- .*|#.*)\n)+", "\n", config.read_text(encoding="utf-8")), encoding="utf-8")
    return target

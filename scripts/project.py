"""The project's sources and their build: copy them to build variants or break them on purpose,
and run the real MkDocs build of a project the way every script and test does.

Used by the tests, scripts/publish.py, writer.py and the tools in tools/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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


def build(
    project: Path, site: Path, *, strict: bool = True, quiet: bool = False, capture: bool = True,
    check: bool = False, env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` of `project` into `site`, without Material's end-of-life notice.

    Never `--strict` together with `quiet`: -q hides warnings from the strict count.
    """
    if strict and quiet:
        raise ValueError("quiet mode hides warnings from the strict count: use one or the other")
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    command += ["--strict"] if strict else []
    command += ["-q"] if quiet else []
    return subprocess.run(command, cwd=project, capture_output=capture, text=True, check=check,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})


@contextmanager
def built_site(site: Path | None = None) -> Iterator[Path]:
    """`site` when given (an existing build), else this checkout built into a temporary folder that
    is removed afterwards: what the reader-side tools measure or photograph."""
    if site is not None:
        yield site
        return
    with tempfile.TemporaryDirectory() as temp:
        build(ROOT, Path(temp) / "site", strict=False, quiet=True, check=True)
        yield Path(temp) / "site"


def url_path(page: str) -> str:
    """Where a page is served, below its language's root: 'support/email.md' → 'support/email/',
    'support/index.md' → 'support/', 'index.md' → ''."""
    stem = page.removesuffix(".md")
    return stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else f"{stem}/"

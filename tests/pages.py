"""The site's pages as writers list them: the nav in mkdocs.yml, each page's title from its front
matter. Tests take their page inventory from here, never from a list of today's pages, so a page a
writer adds (scripts/new-page) is checked like every other one.

The project read is the one under test (tests/conftest.py: PROJECT).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from helpcenter import frontmatter
from project import url_path

from tests.conftest import PROJECT


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml has !ENV and !!python tags; the nav needs none of them."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_files(config: Path) -> list[str]:
    """Every page file listed in the nav, in nav order (`support/index.md`)."""
    nav = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTagLoader).get("nav") or []
    found: list[str] = []

    def walk(entry) -> None:
        if isinstance(entry, str) and entry.endswith(".md"):
            found.append(entry)
        elif isinstance(entry, list):
            for item in entry:
                walk(item)
        elif isinstance(entry, dict):
            for value in entry.values():
                walk(value)

    walk(nav)
    return found


def title(project: Path, lang: str, file: str) -> str:
    meta, _ = frontmatter.read((project / "docs" / lang / file).read_text(encoding="utf-8"))
    return str((meta or {}).get("title", ""))


def inventory(project: Path) -> list[tuple[str, str, str]]:
    """(URL path, Korean title, English title) of every page in the nav."""
    return [(url_path(f), title(project, "ko", f), title(project, "en", f)) for f in nav_files(project / "mkdocs.yml")]


PAGES = inventory(PROJECT)
